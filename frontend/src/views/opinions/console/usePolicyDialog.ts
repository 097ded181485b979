import { ElMessage } from 'element-plus'
import { reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
import { getPolicy, setPolicy, type Policy } from '@/api/opinions'
import { useAction } from '@/composables/useAction'

/** The congress's answer clocks (3 / 6 / 1 months by default), set by staff. */
export function usePolicyDialog() {
  const { t } = useI18n()
  const open = ref(false)
  const write = useAction()
  const reading = useAction(errorMessage, { toast: true })
  const policy = reactive<Policy>({
    answer_months: 3,
    extended_months: 6,
    reanswer_months: 1,
    due_soon_days: 7,
  })

  async function show() {
    write.reset()
    await reading.run(async () => {
      Object.assign(policy, await getPolicy())
      open.value = true
    })
  }

  async function save() {
    await write.run(async () => {
      Object.assign(policy, await setPolicy({ ...policy }))
      open.value = false
      ElMessage.success(t('opinions.done'))
    })
  }

  return { open, write, policy, show, save }
}
