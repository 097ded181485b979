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

import { barsOption, groupsOf, phaseOption } from './charts'

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
  const table = usePagedList<TenantRow>((page) => getDashboardTenants({ ...query.value, ...page }), 50)
  const data = summary.data
  const loading = computed(() => summary.loading.value || table.loading.value)
  const error = computed(() => summary.error.value || table.error.value)

  async function load() {
    await Promise.all([summary.load(), table.load(1)])
  }

  const phaseLabel = (phase: string | null) =>
    !phase || phase === 'none' ? t('dashboard.noCycle') : labels.phase(phase)

  const charts = computed(() => {
    if (!data.value) return null
    const groups = groupsOf(data.value, table.rows.value)
    return {
      phases: phaseOption(data.value, phaseLabel),
      projects: barsOption(groups, [
        { key: 'adopted', name: t('dashboard.col.adopted') },
        { key: 'projects_completed', name: t('dashboard.col.projects_completed') },
      ]),
      funds: barsOption(groups, [
        { key: 'funds_planned', name: t('dashboard.col.funds_planned') },
        { key: 'funds_spent', name: t('dashboard.col.funds_spent') },
      ]),
      rates: barsOption(groups, [
        { key: 'completion_rate', name: t('dashboard.col.completion_rate'), percent: true },
        { key: 'satisfaction_rate', name: t('dashboard.col.satisfaction_rate'), percent: true },
        { key: 'closure_rate', name: t('dashboard.col.closure_rate'), percent: true },
        { key: 'participation_rate', name: t('dashboard.col.participation_rate'), percent: true },
      ]),
    }
  })

  const exportUrl = (table?: TableName) => dashboardExportUrl(query.value, table)

  return {
    data,
    tenants: table.rows,
    page: table.page,
    pageSize: table.pageSize,
    total: table.total,
    turnTo: table.load,
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
