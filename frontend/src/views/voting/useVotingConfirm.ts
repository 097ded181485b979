import { useI18n } from 'vue-i18n'

import { confirmAct } from './confirm'

/**
 * The voting pages' question before an act that cannot be undone: `confirm(message, ok)` asks
 * under 请确认 (voting.confirmTitle), the confirming button saying `ok`, the other 取消; it
 * answers whether the act was confirmed.
 */
export function useVotingConfirm() {
  const { t } = useI18n()
  return (message: string, ok: string) => confirmAct(message, t('voting.confirmTitle'), ok, t('common.cancel'))
}
