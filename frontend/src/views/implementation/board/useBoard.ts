import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
import { handOver, listProjects, type ProjectRow } from '@/api/implementation'
import { listCycles, type Cycle } from '@/api/voting'
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
  const cycles = ref<Cycle[]>([])
  const cycleId = ref<number | undefined>(undefined)
  const projects = ref<ProjectRow[]>([])
  const loading = ref(false)
  const busy = ref(false)
  const error = ref('')
  /** Cycles whose vote is over and not yet handed over. */
  const readyToHandOver = computed(() => cycles.value.filter((c) => c.phase === 'vote'))

  async function load() {
    loading.value = true
    error.value = ''
    try {
      projects.value = await listProjects(cycleId.value)
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  async function loadCycles() {
    if (mode.value === 'unit') return
    try {
      cycles.value = await listCycles()
    } catch (failure) {
      error.value = errorMessage(failure)
    }
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
    busy.value = true
    try {
      const created = await handOver(cycle.id)
      ElMessage.success(t('implementation.handedOver', { n: created.length }))
      await Promise.all([loadCycles(), load()])
    } catch (failure) {
      ElMessage.error(errorMessage(failure))
    } finally {
      busy.value = false
    }
  }

  watch(cycleId, load)
  onMounted(() => Promise.all([loadCycles(), load()]))

  return {
    mode,
    cycles,
    cycleId,
    projects,
    loading,
    busy,
    error,
    readyToHandOver,
    load,
    moveIntoImplementation,
  }
}
