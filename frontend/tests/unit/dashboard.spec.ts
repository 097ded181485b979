import { describe, expect, it } from 'vitest'

import type { Dashboard, Figures, TenantRow } from '@/api/rollups'
import { dashboardExportUrl } from '@/api/rollups'
import { barCharts, barsOption, groupsOf } from '@/views/dashboard/charts'
import { formatFigure, formatMoney, formatRate } from '@/views/dashboard/columns'
import { DEFAULT_REFRESH_SECONDS, refreshSeconds } from '@/views/wall/useWall'

const phase = (p: string | null) => p ?? '—'

function dashboard(partial: Partial<Dashboard>): Dashboard {
  return {
    year: 2026,
    years: [2026],
    scope: { id: 1, name: '云溪市人大常委会', level: 'city' },
    counties: [],
    county: null,
    updated_at: null,
    totals: {} as Dashboard['totals'],
    phases: [],
    by_county: [],
    ...partial,
  }
}

describe('dashboard figures', () => {
  it('formats rates, money and absent figures', () => {
    expect(formatRate(84.6)).toBe('84.6%')
    expect(formatRate(100)).toBe('100.0%')
    expect(formatRate(0)).toBe('0.0%')
    expect(formatRate(null)).toBe('—')
    expect(formatMoney(13800)).toBe('13,800.00')
    expect(formatFigure(null, 'count', phase)).toBe('—')
    expect(formatFigure(4.25, 'stars', phase)).toBe('4.3')
    expect(formatFigure('vote', 'phase', phase)).toBe('vote')
  })

  it('compares counties for a whole city, tenants within one county', () => {
    const county = { id: 2, name: '东湖区人大常委会' } as Dashboard['by_county'][number]
    const tenant = { id: 3, name: '青石镇人大主席团' } as TenantRow
    const city = dashboard({
      counties: [{ id: 2, name: '东湖区人大常委会', level: 'county' }],
      by_county: [county],
    })
    expect(groupsOf(city, [tenant]).map((g) => g.name)).toEqual(['东湖区人大常委会'])
    expect(groupsOf({ ...city, county: 2 }, [tenant]).map((g) => g.name)).toEqual(['青石镇人大主席团'])
    expect(groupsOf(dashboard({}), [tenant]).map((g) => g.name)).toEqual(['青石镇人大主席团'])
  })

  it('charts rates as the API gives them, and no data as no bar', () => {
    const groups = [
      { name: '柳塘镇', figures: { closure_rate: 66.7 } as Figures },
      { name: '白沙镇', figures: { closure_rate: null } as Figures },
    ]
    const option = barsOption(groups, [{ key: 'closure_rate', name: '办结率', percent: true }])
    expect((option.series as { data: unknown[] }[])[0]?.data).toEqual([66.7, '-'])
  })

  it('makes one bar chart per list of figures, rates in percent, each figure named', () => {
    const groups = [{ name: '柳塘镇', figures: { adopted: 4, closure_rate: 66.7 } as Figures }]
    const charts = barCharts(groups, { projects: ['adopted'], opinions: ['closure_rate'] }, (key) => `#${key}`)
    expect(Object.keys(charts)).toEqual(['projects', 'opinions'])
    const axis = (name: 'projects' | 'opinions') => (charts[name].yAxis as { max?: number }).max
    expect(axis('projects')).toBeUndefined()
    expect(axis('opinions')).toBe(100)
    expect((charts.opinions.series as { name: string; data: unknown[] }[])[0]).toMatchObject({
      name: '#closure_rate',
      data: [66.7],
    })
  })

  it('builds the export address with the filters', () => {
    expect(dashboardExportUrl({ year: 2026, county: 2 }, 'opinions')).toBe(
      '/api/v1/rollups/dashboard.xlsx?year=2026&county=2&table=opinions',
    )
    expect(dashboardExportUrl({})).toBe('/api/v1/rollups/dashboard.xlsx')
  })
})

describe('wall display', () => {
  it('refreshes every minute unless asked for at least 10 seconds', () => {
    expect(refreshSeconds(undefined)).toBe(DEFAULT_REFRESH_SECONDS)
    expect(refreshSeconds('30')).toBe(30)
    expect(refreshSeconds('3')).toBe(DEFAULT_REFRESH_SECONDS)
    expect(refreshSeconds(['15'])).toBe(15)
  })
})
