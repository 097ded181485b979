import { ElMessage } from 'element-plus'
import { computed, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
import {
  addMilestone,
  closeRectification,
  getProject,
  isoToday,
  listUnits,
  milestoneDone,
  openRectification,
  recordInspection,
  savePlan,
  type PlanIn,
  type ProjectDetail,
  type RectificationSource,
  type Unit,
} from '@/api/implementation'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'
import { useRouteId } from '@/composables/useRouteId'
import { useSessionStore } from '@/stores/session'

export function useProject() {
  const { t } = useI18n()
  const session = useSessionStore()
  const id = useRouteId()
  const units = ref<Unit[]>([])
  const {
    data: project,
    loading,
    error,
  } = useResource<ProjectDetail | null>(async () => {
    const found = await getProject(id.value)
    if (found.can_edit) units.value = await listUnits()
    return found
  }, null)
  const write = useAction(errorMessage, { error })
  const busy = ref('')
  const canInspect = computed(() => session.roles.includes('staff') || session.roles.includes('deputy'))
  const plan = reactive<Required<Omit<PlanIn, 'unit_id'>> & { unit_id: number | null }>({
    unit_id: null,
    owner_name: '',
    annual_target: '',
    outcome: '',
    funds_planned: '0',
    funds_allocated: '0',
    funds_spent: '0',
    overspend_note: '',
  })
  const milestone = reactive({ title: '', due_on: '' })
  const inspection = reactive({ held_on: isoToday(), findings: '' })
  const rectification = reactive({
    reason: '',
    source: 'inspection' as RectificationSource,
    owner_name: '',
    due_on: '',
  })
  const closeNotes = reactive<Record<number, string>>({})

  /** The plan form shows the project as last read. */
  watch(project, (found) => {
    if (!found) return
    Object.assign(plan, {
      unit_id: found.unit_id,
      owner_name: found.owner_name ?? '',
      annual_target: found.annual_target ?? '',
      outcome: found.outcome ?? '',
      funds_planned: found.funds_planned ?? '0',
      funds_allocated: found.funds_allocated ?? '0',
      funds_spent: found.funds_spent ?? '0',
      overspend_note: found.overspend_note ?? '',
    })
  })

  /** Run one action; a refusal shows its reason and keeps the form as it was. */
  async function act(name: string, action: () => Promise<unknown>, done?: string) {
    busy.value = name
    const ok = await write.run(async () => {
      await action()
      if (done) ElMessage.success(done)
      project.value = await getProject(id.value)
    })
    busy.value = ''
    return ok
  }

  const saveThePlan = () =>
    act(
      'plan',
      () => savePlan(id.value, { ...plan, unit_id: plan.unit_id ?? undefined }),
      t('implementation.project.planSaved'),
    )
  const addTheMilestone = async () => {
    if (await act('milestone', () => addMilestone(id.value, { ...milestone })))
      Object.assign(milestone, { title: '', due_on: '' })
  }
  const markDone = (milestoneId: number) => act(`done-${milestoneId}`, () => milestoneDone(milestoneId, isoToday()))
  const recordTheInspection = async () => {
    if (await act('inspection', () => recordInspection(id.value, { ...inspection }))) inspection.findings = ''
  }
  const openTheRectification = async () => {
    const body = { ...rectification, due_on: rectification.due_on || null }
    if (await act('rectification', () => openRectification(id.value, body)))
      Object.assign(rectification, { reason: '', owner_name: '', due_on: '' })
  }
  const closeTheRectification = (itemId: number) =>
    act(`close-${itemId}`, () => closeRectification(itemId, closeNotes[itemId] ?? ''))

  return {
    project,
    units,
    loading,
    busy,
    error,
    canInspect,
    plan,
    milestone,
    inspection,
    rectification,
    closeNotes,
    saveThePlan,
    addTheMilestone,
    markDone,
    recordTheInspection,
    openTheRectification,
    closeTheRectification,
  }
}
