import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'

import { getDashboard, getDashboardTenants, type Dashboard, type TenantRow } from '@/api/rollups'
import { usePolling } from '@/composables/usePolling'
import { partsOf, useResource } from '@/composables/useResource'
import { barsOption, groupsOf, phaseOption } from '@/views/dashboard/charts'
import { useVotingLabels } from '@/views/voting/useVotingLabels'

export const DEFAULT_REFRESH_SECONDS = 60
/** A county's wall compares its townships: at most this many, so what it fetches each minute
 * stays bounded however many there are (a city's compares its counties). */
export const WALL_TENANTS = 30
const MIN_REFRESH_SECONDS = 10

/** Seconds between refreshes: `?refresh=N` (at least 10), else a minute. */
export function refreshSeconds(param: unknown): number {
  const value = Number(Array.isArray(param) ? param[0] : param)
  return Number.isFinite(value) && value >= MIN_REFRESH_SECONDS ? value : DEFAULT_REFRESH_SECONDS
}

export function useWall() {
  const { t } = useI18n()
  const route = useRoute()
  const labels = useVotingLabels()
  const seconds = refreshSeconds(route.query.refresh)
  const read = useResource(
    async () => {
      const dashboard = await getDashboard()
      const townships = dashboard.counties.length === 0
      const tenants = townships ? (await getDashboardTenants({ page: 1, page_size: WALL_TENANTS })).results : []
      return { dashboard, tenants }
    },
    { dashboard: null as Dashboard | null, tenants: [] as TenantRow[] },
    { immediate: false, keepError: true },
  )
  const { dashboard: data, tenants } = partsOf(read.data)
  const error = read.error
  const now = ref(new Date())
  let clock: ReturnType<typeof setInterval> | null = null

  const phaseLabel = (phase: string) => (phase === 'none' ? t('dashboard.noCycle') : labels.phase(phase))

  const charts = computed(() => {
    if (!data.value) return null
    const groups = groupsOf(data.value, tenants.value)
    const col = (key: string) => t(`dashboard.col.${key}`)
    return {
      phases: phaseOption(data.value, phaseLabel, true),
      projects: barsOption(
        groups,
        [
          { key: 'adopted', name: col('adopted') },
          { key: 'projects_completed', name: col('projects_completed') },
        ],
        true,
      ),
      funds: barsOption(
        groups,
        [
          { key: 'funds_planned', name: col('funds_planned') },
          { key: 'funds_spent', name: col('funds_spent') },
        ],
        true,
      ),
      rates: barsOption(
        groups,
        [
          { key: 'completion_rate', name: col('completion_rate'), percent: true },
          { key: 'satisfaction_rate', name: col('satisfaction_rate'), percent: true },
        ],
        true,
      ),
      opinions: barsOption(
        groups,
        [
          { key: 'closure_rate', name: col('closure_rate'), percent: true },
          { key: 'timeliness_rate', name: col('timeliness_rate'), percent: true },
        ],
        true,
      ),
      deputies: barsOption(
        groups,
        [
          { key: 'activities', name: col('activities') },
          { key: 'deputies_active', name: col('deputies_active') },
        ],
        true,
      ),
    }
  })

  usePolling(read.load, seconds * 1000)
  onMounted(() => {
    clock = setInterval(() => (now.value = new Date()), 1000)
  })
  onBeforeUnmount(() => {
    if (clock) clearInterval(clock)
  })

  return { data, error, now, seconds, charts }
}
