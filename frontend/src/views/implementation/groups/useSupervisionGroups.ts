import { computed, ref, watch } from 'vue'

import { listDeputies } from '@/api/deputies'
import { listSupervisionGroups, setSupervisors, type SupervisionGroup } from '@/api/implementation'
import { listCycles, type Cycle } from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

/** A serving deputy the staff may put in a group. */
interface Choice {
  id: number
  name: string
}

/** 代表监督小组: each project of the chosen year with the deputies who follow it; staff form a
 * group or change its members (an empty group is no group). */
export function useSupervisionGroups() {
  const cycleId = ref<number | undefined>(undefined)
  const groups = useResource<SupervisionGroup[]>(() => listSupervisionGroups(cycleId.value), [])
  const cycles = useResource<Cycle[]>(listCycles, [])
  const deputies = useResource<Choice[]>(
    async () => (await listDeputies({ page_size: 200, status: 'serving' })).results,
    [],
    { immediate: false },
  )
  const editing = ref<SupervisionGroup | null>(null)
  const memberIds = ref<number[]>([])
  const save = useAction()

  /** The chosen deputies plus the group's current ones (who may have left the roster since). */
  const choices = computed<Choice[]>(() => {
    const known = new Map(deputies.data.value.map((d) => [d.id, d]))
    for (const d of editing.value?.supervisors ?? []) if (!known.has(d.id)) known.set(d.id, d)
    return [...known.values()]
  })

  function startEdit(group: SupervisionGroup) {
    editing.value = group
    memberIds.value = group.supervisors.map((d) => d.id)
    save.error.value = ''
    save.fields.value = {}
    void deputies.load()
  }

  async function submit(): Promise<boolean> {
    const group = editing.value
    if (!group) return false
    const ok = await save.run(async () => {
      await setSupervisors(group.project_id, memberIds.value)
      await groups.load()
    })
    if (ok) editing.value = null
    return ok
  }

  const dialogOpen = computed({
    get: () => editing.value !== null,
    set: (open: boolean) => {
      if (!open) editing.value = null
    },
  })
  const membersError = () => save.fields.value.deputy_ids?.join(' ') || undefined

  watch(cycleId, () => void groups.load())

  return {
    cycleId,
    cycles: cycles.data,
    groups: groups.data,
    loading: groups.loading,
    error: computed(() => groups.error.value || cycles.error.value || deputies.error.value),
    editing,
    dialogOpen,
    memberIds,
    choices,
    deputiesLoading: deputies.loading,
    save,
    startEdit,
    submit,
    membersError,
  }
}
