import { ElMessageBox } from 'element-plus'

/** A yes/no question before an act that cannot be undone; true when confirmed. */
export async function confirmAct(message: string, title: string, ok: string, cancel: string) {
  try {
    await ElMessageBox.confirm(message, title, {
      confirmButtonText: ok,
      cancelButtonText: cancel,
      confirmButtonClass: 'voting-confirm-ok',
      cancelButtonClass: 'voting-confirm-cancel',
      type: 'warning',
      closeOnClickModal: false,
    })
    return true
  } catch {
    return false
  }
}
