import { ElMessage } from 'element-plus'
import { computed, onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'

import { ApiError, errorMessage, type FieldErrors } from '@/api/http'
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
  const route = useRoute()
  const session = useSessionStore()
  const id = computed(() => Number(route.params.id))
  const isStaff = computed(() => session.roles.includes('staff'))
  const isUnit = computed(() => session.roles.includes('unit') && !isStaff.value)

  const opinion = ref<Opinion | null>(null)
  const units = ref<Unit[]>([])
  const loading = ref(false)
  const error = ref('')
  const busy = ref(false)

  const dialog = ref<FormAction | null>(null)
  const form = reactive(emptyActionForm())
  const formError = ref('')
  const fields = ref<FieldErrors>({})
  const unitAnswer = ref('')

  const actions = computed(() => (opinion.value?.actions ?? []) as OpinionAction[])
  /** A unit answers what was assigned to it while it is open. */
  const unitMayAnswer = computed(
    () => isUnit.value && !!opinion.value && ['assigned', 'handling', 'reopened'].includes(opinion.value.status),
  )

  async function load() {
    loading.value = true
    error.value = ''
    try {
      opinion.value = await getOpinion(id.value)
      if (isStaff.value && units.value.length === 0) units.value = await listUnits()
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  function open(action: FormAction) {
    Object.assign(form, emptyActionForm())
    if (action === 'sort' && opinion.value?.category) {
      form.category = opinion.value.category as OpinionCategory
    }
    formError.value = ''
    fields.value = {}
    dialog.value = action
  }

  async function run(call: () => Promise<Opinion>): Promise<boolean> {
    busy.value = true
    formError.value = ''
    fields.value = {}
    try {
      opinion.value = await call()
      ElMessage.success(t('opinions.done'))
      return true
    } catch (failure) {
      const message = errorMessage(failure)
      if (dialog.value) formError.value = message
      else error.value = message
      if (failure instanceof ApiError) fields.value = failure.fields
      return false
    } finally {
      busy.value = false
    }
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

  onMounted(load)
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
