import { reactive, ref, type UnwrapNestedRefs } from 'vue'

import { ApiError, type FieldErrors } from '@/api/http'
import { portalError } from '@/api/portal'

/** A mainland mobile number: the only kind the public's forms take. */
export const PHONE_PATTERN = /^1\d{10}$/

/**
 * Sending one of the public's forms: the form's state, the server's field errors, the tracking
 * code it answers with, and `another` to start again. `post` maps the form to the API call.
 */
export function usePortalSend<F extends object>(
  empty: () => F,
  post: (form: UnwrapNestedRefs<F>) => Promise<{ tracking_code: string }>,
) {
  const form = reactive(empty())
  const submitting = ref(false)
  const error = ref('')
  const fields = ref<FieldErrors>({})
  const code = ref('')

  async function submit(): Promise<boolean> {
    submitting.value = true
    error.value = ''
    fields.value = {}
    try {
      code.value = (await post(form)).tracking_code
      Object.assign(form, empty())
      return true
    } catch (failure) {
      error.value = portalError(failure)
      if (failure instanceof ApiError) fields.value = failure.fields
      return false
    } finally {
      submitting.value = false
    }
  }

  function another() {
    code.value = ''
  }

  return { form, submitting, error, fields, code, submit, another }
}
