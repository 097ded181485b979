import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
import {
  dashboardExportUrl,
  getDashboard,
  getDashboardTenants,
  type Dashboard,
  type DashboardQuery,
  type TableName,
  type TenantRow,
} from '@/api/rollups'
import { useVotingLabels } from '@/views/voting/useVotingLabels'

import { barsOption, groupsOf, phaseOption } from './charts'

export function useDashboard() {
  const { t } = useI18n()
  const labels = useVotingLabels()
  const data = ref<Dashboard | null>(null)
  const year = ref<number>(new Date().getFullYear())
  const county = ref<number | null>(null)
  const loading = ref(false)
  const error = ref('')
  // The per-tenant table, a page at a time: the dashboard's cost does not grow with the tenants.
  const tenants = ref<TenantRow[]>([])
  const page = ref(1)
  const pageSize = 50
  const total = ref(0)

  const query = computed<DashboardQuery>(() => ({
    year: year.value,
    county: county.value ?? undefined,
  }))

  async function loadTenants(to = 1) {
    const found = await getDashboardTenants({ ...query.value, page: to, page_size: pageSize })
    tenants.value = found.results
    total.value = found.count
    page.value = to
  }

  async function load() {
    loading.value = true
    try {
      const [dashboard] = await Promise.all([getDashboard(query.value), loadTenants(1)])
      data.value = dashboard
      error.value = ''
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  const phaseLabel = (phase: string | null) =>
    !phase || phase === 'none' ? t('dashboard.noCycle') : labels.phase(phase)

  const charts = computed(() => {
    if (!data.value) return null
    const groups = groupsOf(data.value, tenants.value)
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

  async function turnTo(to: number) {
    try {
      await loadTenants(to)
      error.value = ''
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  return {
    data,
    tenants,
    page,
    pageSize,
    total,
    turnTo,
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
