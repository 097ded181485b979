import { useI18n } from 'vue-i18n'

import { useAppStore } from '@/stores/app'

/** `label(group, value)`: the catalog's `<prefix>.<group>.<value>`, else the raw value. */
export function useEnumLabel(prefix: string) {
  const { t, te } = useI18n()
  return (group: string, value: string | null | undefined) => {
    if (!value) return '—'
    const key = `${prefix}.${group}.${value}`
    return te(key) ? t(key) : value
  }
}

/** One label function per group: `labels.status(value)` is `label('status', value)` of `prefix`. */
export function useEnumLabels<G extends string>(prefix: string, groups: readonly G[]) {
  const label = useEnumLabel(prefix)
  const entries = groups.map((group) => [group, (value: string | null | undefined) => label(group, value)])
  return Object.fromEntries(entries) as Record<G, (value: string | null | undefined) => string>
}

/**
 * Labels for the backend's enum values (roles, levels, states), falling back to the raw value;
 * and `dateTime`, a date-time as the reader's language writes it.
 */
export function useLabels() {
  const groups = ['role', 'level', 'deputyLevel', 'gender', 'deputyStatus', 'congressStatus', 'jobState'] as const
  return { dateTime: useDateTime(), ...useEnumLabels('enums', groups) }
}

export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '—'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return date.toLocaleString(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
}

/**
 * `formatDateTime` in the language the app is shown in: a page's dates and times, or '—'. The
 * app's store is read when a value is formatted, so labels that never format one need none.
 */
export function useDateTime() {
  return (value: string | null | undefined) => formatDateTime(value, useAppStore().locale)
}
