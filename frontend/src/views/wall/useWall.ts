import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'

import { getDashboard, getDashboardTenants, type Dashboard, type TenantRow } from '@/api/rollups'
import { usePolling } from '@/composables/usePolling'
import { partsOf, useResource } from '@/composables/useResource'
import { barCharts, groupsOf, phaseOption } from '@/views/dashboard/charts'
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

/** The wall's bar charts and the figures each compares. */
const WALL_BARS = {
  projects: ['adopted', 'projects_completed'],
  funds: ['funds_planned', 'funds_spent'],
  rates: ['completion_rate', 'satisfaction_rate'],
  opinions: ['closure_rate', 'timeliness_rate'],
  deputies: ['activities', 'deputies_active'],
} as const

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
    return {
      phases: phaseOption(data.value, phaseLabel, true),
      ...barCharts(groups, WALL_BARS, (key) => t(`dashboard.col.${key}`), true),
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
