import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

/**
 * The texts a secret ballot's page takes from its namespace: 票决 ('voting') and 测评
 * ('evaluation') name them alike, so one table serves both pages.
 */
export function useBallotTexts(ns: 'voting' | 'evaluation') {
  const { t } = useI18n()
  return computed(() => ({
    /** For BallotReceipt. */
    receipt: {
      title: t(`${ns}.receiptTitle`),
      label: t(`${ns}.receipt`),
      note: t(`${ns}.receiptNote`),
    },
    /** For ReceiptCheck. */
    check: {
      title: t(`${ns}.checkReceipt`),
      label: t(`${ns}.receipt`),
      submitLabel: t(`${ns}.check`),
      counted: t(`${ns}.counted`),
      notCounted: t(`${ns}.notCounted`),
    },
    /** confirmAct's question before the ballot goes. */
    confirm: [t(`${ns}.submitConfirm`), t(`${ns}.confirmTitle`), t(`${ns}.submit`), t('common.cancel')] as const,
    submit: t(`${ns}.submit`),
    unanswered: (count: number) => t(`${ns}.unanswered`, { count }),
  }))
}
