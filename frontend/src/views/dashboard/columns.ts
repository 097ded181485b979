/** The columns of each dashboard table, as api/rollups/tables.py exports them (what each figure
 * means: docs/indicators.md). */
import type { Figures, TableName } from '@/api/rollups'

export type ColumnFormat = 'count' | 'money' | 'rate' | 'stars' | 'phase'
export interface Column {
  key: keyof Figures
  format: ColumnFormat
}

/** The figures shown other than as a count: each one's format. */
const FORMATS: Partial<Record<keyof Figures, ColumnFormat>> = {
  voting_phase: 'phase',
  completion_rate: 'rate',
  funds_planned: 'money',
  funds_allocated: 'money',
  funds_spent: 'money',
  satisfaction_rate: 'rate',
  average_stars: 'stars',
  participation_rate: 'rate',
  closure_rate: 'rate',
  timeliness_rate: 'rate',
}

/** Each table's figures, in the order of its columns. */
const FIGURES: Record<TableName, (keyof Figures)[]> = {
  voting: ['voting_phase', 'proposals', 'candidates', 'adopted'],
  implementation: [
    'projects',
    'projects_completed',
    'completion_rate',
    'projects_red',
    'milestones_overdue',
    'funds_planned',
    'funds_allocated',
    'funds_spent',
  ],
  evaluation: [
    'rated_satisfied',
    'rated_basic',
    'rated_unsatisfied',
    'ballots_valid',
    'ballots_satisfied',
    'satisfaction_rate',
  ],
  stations: ['stations', 'stations_rated', 'average_stars'],
  activities: ['activities', 'activity_attendances', 'deputies_active', 'deputies', 'participation_rate'],
  opinions: [
    'opinions',
    'opinions_escalated_in',
    'opinions_closed',
    'closure_rate',
    'opinions_on_time',
    'timeliness_rate',
    'opinions_overdue',
  ],
}

export const COLUMNS = Object.fromEntries(
  Object.entries(FIGURES).map(([table, keys]) => [
    table,
    keys.map((key) => ({ key, format: FORMATS[key] ?? 'count' })),
  ]),
) as Record<TableName, Column[]>

/** A rate as the API gives it: a percent already rounded to one place (66.7), or null for no
 * data. It is shown as it is, never computed or rounded again here. */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(1)}%`
}

export function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined
    ? '—'
    : value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(value)
}

export function formatFigure(
  value: unknown,
  format: ColumnFormat,
  phaseLabel: (phase: string | null) => string,
): string {
  if (format === 'phase') return phaseLabel(typeof value === 'string' ? value : null)
  const number = typeof value === 'number' ? value : null
  if (format === 'rate') return formatRate(number)
  if (format === 'money') return formatMoney(number)
  if (format === 'stars') return number === null ? '—' : number.toFixed(1)
  return formatCount(number)
}
