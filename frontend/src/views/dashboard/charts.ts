/** Chart options from the dashboard's figures: shared by the dashboard and the wall display. */
import type { Dashboard, Figures, TenantRow } from '@/api/rollups'

import { COLUMNS } from './columns'
import type { EChartsCoreOption } from './echarts'

export interface Group {
  name: string
  figures: Figures
}

/** What the bars compare: the counties for a whole city, otherwise the tenants themselves (those
 * of the table's page: the dashboard never loads every tenant at once). */
export function groupsOf(dashboard: Dashboard, tenants: TenantRow[]): Group[] {
  if (dashboard.counties.length > 0 && !dashboard.county) {
    return dashboard.by_county.map((c) => ({ name: c.name, figures: c }))
  }
  return tenants.map((t) => ({ name: t.name, figures: t }))
}

const PHASE_ORDER = ['none', 'solicit', 'shortlist', 'deliberate', 'vote', 'implement', 'evaluate', 'closed']

interface Palette {
  text: string
  axis: string
}

const LIGHT: Palette = { text: '#303133', axis: '#dcdfe6' }
const DARK: Palette = { text: '#e6f1ff', axis: '#1f3b63' }

export function phaseOption(
  dashboard: Dashboard,
  phaseLabel: (phase: string) => string,
  dark = false,
): EChartsCoreOption {
  const palette = dark ? DARK : LIGHT
  const data = [...dashboard.phases]
    .sort((a, b) => PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase))
    .map((p) => ({ name: phaseLabel(p.phase), value: p.tenants }))
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, textStyle: { color: palette.text } },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { color: palette.text, formatter: '{b}: {c}' },
        data,
      },
    ],
  }
}

export function barsOption(
  groups: Group[],
  series: { key: keyof Figures; name: string; percent?: boolean }[],
  dark = false,
): EChartsCoreOption {
  const palette = dark ? DARK : LIGHT
  const percent = series.some((s) => s.percent)
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: palette.text } },
    grid: { left: 48, right: 16, top: 36, bottom: 56 },
    xAxis: {
      type: 'category',
      data: groups.map((g) => g.name),
      axisLabel: { color: palette.text, interval: 0, rotate: groups.length > 6 ? 30 : 0 },
      axisLine: { lineStyle: { color: palette.axis } },
    },
    yAxis: {
      type: 'value',
      max: percent ? 100 : undefined,
      axisLabel: { color: palette.text, formatter: percent ? '{value}%' : '{value}' },
      splitLine: { lineStyle: { color: palette.axis } },
    },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 36,
      // Rates arrive as percents, as the tables show them; no data is no bar, not a zero.
      data: groups.map((g) => {
        const value = g.figures[s.key]
        return typeof value === 'number' ? value : '-'
      }),
    })),
  }
}

/** The figures that are rates, as the tables format them: their charts read in percent. */
const RATES = new Set(
  Object.values(COLUMNS)
    .flat()
    .filter((column) => column.format === 'rate')
    .map((column) => column.key),
)

/** One bar chart per entry of `charts`, comparing the groups on the figures it lists, each
 * named by `name`. */
export function barCharts<K extends string>(
  groups: Group[],
  charts: Record<K, readonly (keyof Figures)[]>,
  name: (key: keyof Figures) => string,
  dark = false,
): Record<K, EChartsCoreOption> {
  const chart = (keys: readonly (keyof Figures)[]) =>
    barsOption(
      groups,
      keys.map((key) => ({ key, name: name(key), percent: RATES.has(key) })),
      dark,
    )
  const entries = (Object.keys(charts) as K[]).map((key) => [key, chart(charts[key])])
  return Object.fromEntries(entries) as Record<K, EChartsCoreOption>
}
