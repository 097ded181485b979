import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
import { handOver, listProjects, type ProjectRow } from '@/api/implementation'
import { listCycles, type Cycle } from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'
import { useSessionStore } from '@/stores/session'

/** Which side of the board the caller sees: staff manage, deputies read, a unit reports. */
export function boardMode(roles: readonly string[]): 'staff' | 'deputy' | 'unit' {
  if (roles.includes('staff')) return 'staff'
  if (roles.includes('deputy')) return 'deputy'
  return 'unit'
}

export function useBoard() {
  const { t } = useI18n()
  const session = useSessionStore()
  const mode = computed(() => boardMode(session.roles))
  const cycles = useResource(listCycles, [] as Cycle[], { immediate: false })
  const cycleId = ref<number | undefined>(undefined)
  const list = useResource(() => listProjects(cycleId.value), [] as ProjectRow[])
  const { data: projects, loading, load } = list
  const error = computed(() => list.error.value || cycles.error.value)
  const handing = useAction(errorMessage, { toast: true })
  /** Cycles whose vote is over and not yet handed over. */
  const readyToHandOver = computed(() => cycles.data.value.filter((c) => c.phase === 'vote'))

  async function loadCycles() {
    if (mode.value !== 'unit') await cycles.load()
  }

  async function moveIntoImplementation(cycle: Cycle) {
    try {
      await ElMessageBox.confirm(
        t('implementation.handOverConfirm', { title: cycle.title }),
        t('implementation.handOver'),
        { type: 'warning' },
      )
    } catch {
      return
    }
    await handing.run(async () => {
      const created = await handOver(cycle.id)
      ElMessage.success(t('implementation.handedOver', { n: created.length }))
      await Promise.all([loadCycles(), load()])
    })
  }

  watch(cycleId, load)
  onMounted(loadCycles)

  return {
    mode,
    cycles: cycles.data,
    cycleId,
    projects,
    loading,
    busy: handing.busy,
    error,
    readyToHandOver,
    load,
    moveIntoImplementation,
  }
}
