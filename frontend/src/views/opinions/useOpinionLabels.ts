import { useI18n } from 'vue-i18n'

import type { Clock } from '@/api/opinions'
import { useEnumLabels } from '@/composables/useLabels'

/** Labels for the opinion loop's enum values, falling back to the raw value. */
export function useOpinionLabels() {
  const { t } = useI18n()
  return {
    ...useEnumLabels('opinions', ['status', 'channel', 'category', 'rating', 'declineKind', 'action'] as const),
    clock: (state: string, daysLeft: number | null | undefined) =>
      state === 'stopped' || daysLeft === null || daysLeft === undefined
        ? '—'
        : t(`opinions.clock.${state}`, { days: Math.abs(daysLeft) }),
  }
}

/** Element Plus tag type for a clock: red overdue, amber soon, plain otherwise. */
export function clockTagType(state: string): 'danger' | 'warning' | 'info' | 'success' {
  const types: Record<Clock, 'danger' | 'warning' | 'info' | 'success'> = {
    overdue: 'danger',
    due_soon: 'warning',
    running: 'success',
    stopped: 'info',
  }
  return types[state as Clock] ?? 'info'
}
