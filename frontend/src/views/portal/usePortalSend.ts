import { reactive, ref, type UnwrapNestedRefs } from 'vue'

import { portalError } from '@/api/portal'
import { useAction } from '@/composables/useAction'

/** A mainland mobile number: the only kind the public's forms take. */
export const PHONE_PATTERN = /^1\d{10}$/

/**
 * Sending one of the public's forms: the form's state, the server's field errors, the tracking
 * code it answers with, and `another` to start again. `post` maps the form to the API call. One
 * reactive object, for the page to hand its PortalForm whole.
 */
export function usePortalSend<F extends object>(
  empty: () => F,
  post: (form: UnwrapNestedRefs<F>) => Promise<{ tracking_code: string }>,
) {
  const form = reactive(empty())
  const { busy: submitting, error, fields, run } = useAction(portalError)
  const code = ref('')

  function submit(): Promise<boolean> {
    return run(async () => {
      code.value = (await post(form)).tracking_code
      Object.assign(form, empty())
    })
  }

  function another() {
    code.value = ''
  }

  return reactive({ form, submitting, error, fields, code, submit, another })
}

/** What a public form's page hands its PortalForm. */
export type PortalSend = ReturnType<typeof usePortalSend<{ name: string; phone: string }>>
