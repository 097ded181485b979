import { ElMessage } from 'element-plus'
import { ref, type MaybeRef, type Ref } from 'vue'

import { ApiError, errorMessage, type FieldErrors } from '@/api/http'

/**
 * One write the page can run again and again: `busy` while it runs, the failure's message in
 * `error` and the server's per-field messages in `fields`, and on success the `done` text in
 * `notice`; all cleared at each new run. `run` answers whether the call succeeded, so the caller
 * can close a dialog or reset a form; `reset` clears what the last run left (a dialog opening
 * afresh). `shared` lends it the page's own `error` line or one `busy`
 * flag that several writes hold together; `toast` also pops the failure up as a message, for a
 * write whose page has no place to show it.
 */
export function useAction(
  describe: (failure: unknown) => string = errorMessage,
  shared: { error?: Ref<string>; busy?: Ref<boolean>; toast?: boolean } = {},
) {
  const busy = shared.busy ?? ref(false)
  const error = shared.error ?? ref('')
  const fields = ref<FieldErrors>({})
  const notice = ref('')

  function reset() {
    error.value = ''
    fields.value = {}
    notice.value = ''
  }

  async function run(call: () => Promise<unknown>, done = ''): Promise<boolean> {
    busy.value = true
    reset()
    try {
      await call()
      notice.value = done
      return true
    } catch (failure) {
      error.value = describe(failure)
      if (shared.toast) ElMessage.error(error.value)
      if (failure instanceof ApiError) fields.value = failure.fields
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, error, fields, notice, run, reset }
}

/**
 * What a form shows of an action: whether it runs, its failure and the server's per-field
 * messages. The composable's own refs fit, and so does an action read through a reactive view
 * (`view.save`), whose refs are unwrapped.
 */
export interface ActionState {
  busy: MaybeRef<boolean>
  error: MaybeRef<string>
  fields: MaybeRef<FieldErrors>
}
