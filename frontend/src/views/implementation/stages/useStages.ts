import { computed, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
import { listProjects, listStages, removeStage, setStage, type ProjectRow, type StageRow } from '@/api/implementation'
import { listCycles, type Cycle } from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'
import { useConfirm } from '@/composables/useConfirm'

interface StageForm {
  projectId: number | undefined
  year: number
  target: string
  investment: string
}

/** 年度阶段: a multi-year project's target and investment for each year after the vote. A stage
 * is keyed by its project and year, so editing one changes its target and investment only. */
export function useStages() {
  const { t } = useI18n()
  const confirm = useConfirm()
  const cycleId = ref<number | undefined>(undefined)
  const stages = useResource<StageRow[]>(() => listStages(cycleId.value), [])
  const cycles = useResource<Cycle[]>(listCycles, [])
  const projects = useResource<ProjectRow[]>(() => listProjects(cycleId.value), [])
  const open = ref(false)
  const editing = ref<StageRow | null>(null)
  const form = reactive<StageForm>({ projectId: undefined, year: 0, target: '', investment: '' })
  const save = useAction()
  const removal = useAction(errorMessage, { toast: true })

  function startCreate() {
    editing.value = null
    const first = projects.data.value[0]
    form.projectId = first?.id
    form.year = (first?.year ?? new Date().getFullYear()) + 1
    form.target = ''
    form.investment = ''
    save.error.value = ''
    save.fields.value = {}
    open.value = true
  }

  function startEdit(stage: StageRow) {
    editing.value = stage
    form.projectId = stage.project_id
    form.year = stage.year
    form.target = stage.target
    form.investment = stage.investment ?? ''
    save.error.value = ''
    save.fields.value = {}
    open.value = true
  }

  async function submit(): Promise<boolean> {
    const projectId = form.projectId
    if (projectId === undefined) {
      save.error.value = t('stages.projectRequired')
      return false
    }
    const ok = await save.run(async () => {
      await setStage(projectId, {
        year: form.year,
        target: form.target,
        investment: form.investment || '0',
      })
      await stages.load()
    })
    if (ok) open.value = false
    return ok
  }

  async function remove(stage: StageRow) {
    const question = t('stages.removeConfirm', { name: stage.project_name, year: stage.year })
    if (!(await confirm(question, t('stages.remove')))) return
    await removal.run(async () => {
      await removeStage(stage.id)
      await stages.load()
    })
  }

  const fieldError = (name: string) => save.fields.value[name]?.join(' ') || undefined

  watch(cycleId, () => Promise.all([stages.load(), projects.load()]))

  return {
    cycleId,
    cycles: cycles.data,
    stages: stages.data,
    projects: projects.data,
    loading: stages.loading,
    error: computed(() => stages.error.value || cycles.error.value || projects.error.value),
    open,
    editing,
    form,
    save,
    startCreate,
    startEdit,
    submit,
    remove,
    fieldError,
  }
}
