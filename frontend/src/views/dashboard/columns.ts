/** The columns of each dashboard table, as api/rollups/tables.py exports them (what each figure
 * means: docs/indicators.md). */
import type { Figures, TableName } from '@/api/rollups'

export type ColumnFormat = 'count' | 'money' | 'rate' | 'stars' | 'phase'
export interface Column {
  key: keyof Figures
  format: ColumnFormat
}

export const COLUMNS: Record<TableName, Column[]> = {
  voting: [
    { key: 'voting_phase', format: 'phase' },
    { key: 'proposals', format: 'count' },
    { key: 'candidates', format: 'count' },
    { key: 'adopted', format: 'count' },
  ],
  implementation: [
    { key: 'projects', format: 'count' },
    { key: 'projects_completed', format: 'count' },
    { key: 'completion_rate', format: 'rate' },
    { key: 'projects_red', format: 'count' },
    { key: 'milestones_overdue', format: 'count' },
    { key: 'funds_planned', format: 'money' },
    { key: 'funds_allocated', format: 'money' },
    { key: 'funds_spent', format: 'money' },
  ],
  evaluation: [
    { key: 'rated_satisfied', format: 'count' },
    { key: 'rated_basic', format: 'count' },
    { key: 'rated_unsatisfied', format: 'count' },
    { key: 'ballots_valid', format: 'count' },
    { key: 'ballots_satisfied', format: 'count' },
    { key: 'satisfaction_rate', format: 'rate' },
  ],
  stations: [
    { key: 'stations', format: 'count' },
    { key: 'stations_rated', format: 'count' },
    { key: 'average_stars', format: 'stars' },
  ],
  activities: [
    { key: 'activities', format: 'count' },
    { key: 'activity_attendances', format: 'count' },
    { key: 'deputies_active', format: 'count' },
    { key: 'deputies', format: 'count' },
    { key: 'participation_rate', format: 'rate' },
  ],
  opinions: [
    { key: 'opinions', format: 'count' },
    { key: 'opinions_escalated_in', format: 'count' },
    { key: 'opinions_closed', format: 'count' },
    { key: 'closure_rate', format: 'rate' },
    { key: 'opinions_on_time', format: 'count' },
    { key: 'timeliness_rate', format: 'rate' },
    { key: 'opinions_overdue', format: 'count' },
  ],
}

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
