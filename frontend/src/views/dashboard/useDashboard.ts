import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'

import {
  dashboardExportUrl,
  getDashboard,
  getDashboardTenants,
  type Dashboard,
  type DashboardQuery,
  type TableName,
  type TenantRow,
} from '@/api/rollups'
import { usePagedList } from '@/composables/usePagedList'
import { useResource } from '@/composables/useResource'
import { useVotingLabels } from '@/views/voting/useVotingLabels'

import { barCharts, groupsOf, phaseOption } from './charts'

/** The dashboard's bar charts and the figures each compares. */
const DASHBOARD_BARS = {
  projects: ['adopted', 'projects_completed'],
  funds: ['funds_planned', 'funds_spent'],
  rates: ['completion_rate', 'satisfaction_rate', 'closure_rate', 'participation_rate'],
} as const

export function useDashboard() {
  const { t } = useI18n()
  const labels = useVotingLabels()
  const year = ref<number>(new Date().getFullYear())
  const county = ref<number | null>(null)

  const query = computed<DashboardQuery>(() => ({
    year: year.value,
    county: county.value ?? undefined,
  }))

  const summary = useResource<Dashboard | null>(() => getDashboard(query.value), null, { immediate: false })
  // The per-tenant table, a page at a time: the dashboard's cost does not grow with the tenants.
  const tenantList = usePagedList<TenantRow>((page) => getDashboardTenants({ ...query.value, ...page }), 50)
  const data = summary.data
  const loading = computed(() => summary.loading.value || tenantList.loading.value)
  const error = computed(() => summary.error.value || tenantList.error.value)

  async function load() {
    await Promise.all([summary.load(), tenantList.load(1)])
  }

  const phaseLabel = (phase: string | null) =>
    !phase || phase === 'none' ? t('dashboard.noCycle') : labels.phase(phase)

  const charts = computed(() => {
    if (!data.value) return null
    const groups = groupsOf(data.value, tenantList.rows.value)
    return {
      phases: phaseOption(data.value, phaseLabel),
      ...barCharts(groups, DASHBOARD_BARS, (key) => t(`dashboard.col.${key}`)),
    }
  })

  const exportUrl = (table?: TableName) => dashboardExportUrl(query.value, table)

  return {
    data,
    tenants: tenantList.rows,
    page: tenantList.page,
    pageSize: tenantList.pageSize,
    total: tenantList.total,
    turnTo: tenantList.load,
    year,
    county,
    loading,
    error,
    load,
    charts,
    phaseLabel,
    exportUrl,
  }
}
