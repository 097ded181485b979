import { reactive, ref, type Ref } from 'vue'

import { errorMessage } from '@/api/http'
import { checkReceipt } from '@/api/voting'
import { useAction } from '@/composables/useAction'

/**
 * Checking a receipt against the round it came from (a ballot's or an evaluation's): the code
 * typed, whether the ballot it names was counted (null before a check), and the check itself,
 * as ReceiptCheck's props and events to bind whole. With `sharedError` the failure goes to the
 * page's own error line instead of the card.
 */
export function useReceiptCheck(roundId: () => number | null | undefined, sharedError?: Ref<string>) {
  const action = useAction(errorMessage, sharedError ? { error: sharedError } : {})
  const code = ref('')
  const result = ref<boolean | null>(null)

  async function check() {
    const round = roundId()
    const typed = code.value.trim()
    if (!round || !typed) return
    result.value = null
    await action.run(async () => (result.value = (await checkReceipt(round, typed)).counted))
  }

  return reactive({
    modelValue: code,
    'onUpdate:modelValue': (value: string) => (code.value = value),
    checking: action.busy,
    result,
    ...(sharedError ? {} : { error: action.error }),
    onCheck: check,
  })
}
