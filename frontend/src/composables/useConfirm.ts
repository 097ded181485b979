import { ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'

/**
 * A question before an act: `confirm(message, title)` shows it and answers whether it was
 * confirmed. The confirming button says `ok` (the title when not given), the other 取消.
 */
export function useConfirm() {
  const { t } = useI18n()
  return async function confirm(
    message: string,
    title: string,
    ok: string = title,
    type: 'warning' | 'info' = 'warning',
  ): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, title, {
        confirmButtonText: ok,
        cancelButtonText: t('common.cancel'),
        type,
      })
      return true
    } catch {
      return false
    }
  }
}
