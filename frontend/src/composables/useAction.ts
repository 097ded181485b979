import { ref } from 'vue'

import { ApiError, errorMessage, type FieldErrors } from '@/api/http'

/**
 * One write the page can run again and again: `busy` while it runs, the failure's message in
 * `error` and the server's per-field messages in `fields`, cleared at each new run. `run`
 * answers whether the call succeeded, so the caller can close a dialog or reset a form.
 */
export function useAction(describe: (failure: unknown) => string = errorMessage) {
  const busy = ref(false)
  const error = ref('')
  const fields = ref<FieldErrors>({})

  async function run(call: () => Promise<unknown>): Promise<boolean> {
    busy.value = true
    error.value = ''
    fields.value = {}
    try {
      await call()
      return true
    } catch (failure) {
      error.value = describe(failure)
      if (failure instanceof ApiError) fields.value = failure.fields
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, error, fields, run }
}
