import { ElMessage } from 'element-plus'
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
import {
  assignOpinion,
  closeOpinion,
  declineOpinion,
  escalateOpinion,
  extendOpinion,
  getOpinion,
  handleOpinion,
  listUnits,
  replyOpinion,
  sortOpinion,
  type DeclineKind,
  type Opinion,
  type OpinionAction,
  type OpinionCategory,
  type Unit,
} from '@/api/opinions'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'
import { useRouteId } from '@/composables/useRouteId'
import { useSessionStore } from '@/stores/session'

/** The actions that need a form; the others (handle, close) go at a click. */
export type FormAction = Exclude<OpinionAction, 'handle' | 'close'>

export function emptyActionForm() {
  return {
    category: '' as OpinionCategory | '',
    unit_user_id: null as number | null,
    unit_name: '',
    due_on: '',
    answer: '',
    reason: '',
    kind: '' as DeclineKind | '',
    note: '',
  }
}

export function useOpinionDetail() {
  const { t } = useI18n()
  const session = useSessionStore()
  const id = useRouteId()
  const isStaff = computed(() => session.roles.includes('staff'))
  const isUnit = computed(() => session.roles.includes('unit') && !isStaff.value)

  const units = ref<Unit[]>([])
  const {
    data: opinion,
    loading,
    error,
  } = useResource<Opinion | null>(async () => {
    const found = await getOpinion(id.value)
    if (isStaff.value && units.value.length === 0) units.value = await listUnits()
    return found
  }, null)
  const busy = ref(false)

  const dialog = ref<FormAction | null>(null)
  const form = reactive(emptyActionForm())
  /** A dialog's write shows its failure in the dialog; a button's, on the page. */
  const dialogWrite = useAction(errorMessage, { busy })
  const pageWrite = useAction(errorMessage, { busy, error })
  const { error: formError, fields } = dialogWrite
  const unitAnswer = ref('')

  const actions = computed(() => (opinion.value?.actions ?? []) as OpinionAction[])
  /** A unit answers what was assigned to it while it is open. */
  const unitMayAnswer = computed(
    () => isUnit.value && !!opinion.value && ['assigned', 'handling', 'reopened'].includes(opinion.value.status),
  )

  function open(action: FormAction) {
    Object.assign(form, emptyActionForm())
    if (action === 'sort' && opinion.value?.category) {
      form.category = opinion.value.category as OpinionCategory
    }
    dialogWrite.reset()
    dialog.value = action
  }

  function run(call: () => Promise<Opinion>): Promise<boolean> {
    return (dialog.value ? dialogWrite : pageWrite).run(async () => {
      opinion.value = await call()
      ElMessage.success(t('opinions.done'))
    })
  }

  async function submitDialog() {
    const action = dialog.value
    if (!action) return
    const calls: Record<FormAction, () => Promise<Opinion>> = {
      sort: () => sortOpinion(id.value, form.category as OpinionCategory),
      assign: () =>
        assignOpinion(id.value, {
          unit_user_id: form.unit_user_id,
          unit_name: form.unit_name.trim(),
          due_on: form.due_on || null,
        }),
      reply: () => replyOpinion(id.value, form.answer.trim()),
      extend: () => extendOpinion(id.value, form.reason.trim()),
      decline: () => declineOpinion(id.value, form.kind as DeclineKind, form.reason.trim()),
      escalate: () => escalateOpinion(id.value, form.note.trim()),
    }
    if (await run(calls[action])) dialog.value = null
  }

  const startHandling = () => run(() => handleOpinion(id.value))
  const close = () => run(() => closeOpinion(id.value))
  async function sendUnitAnswer() {
    if (await run(() => replyOpinion(id.value, unitAnswer.value.trim()))) unitAnswer.value = ''
  }

  return {
    opinion,
    units,
    loading,
    error,
    busy,
    isStaff,
    isUnit,
    actions,
    unitMayAnswer,
    dialog,
    form,
    dialogWrite,
    formError,
    fields,
    unitAnswer,
    open,
    submitDialog,
    startHandling,
    close,
    sendUnitAnswer,
  }
}
