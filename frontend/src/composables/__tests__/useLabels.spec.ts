import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'

import { withSetup } from '@/components/__tests__/mounting'
import { applyLocale, i18n } from '@/plugins/i18n'
import { useAppStore } from '@/stores/app'

import { formatDateTime, useDateTime, useEnumLabels } from '../useLabels'

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('useDateTime', () => {
  it("formats in the app's language, and a missing value as a dash", () => {
    const app = useAppStore()
    app.setLocale('en')
    const when = useDateTime()
    expect(when('2026-03-04T08:05:00Z')).toBe(formatDateTime('2026-03-04T08:05:00Z', 'en'))
    app.setLocale('zh-CN')
    expect(when('2026-03-04T08:05:00Z')).toBe(formatDateTime('2026-03-04T08:05:00Z', 'zh-CN'))
    expect(when(null)).toBe('—')
  })
})

describe('useEnumLabels', () => {
  it("gives each group a label function: the catalog's text, the raw value unknown to it, or a dash", () => {
    applyLocale('zh-CN')
    const labels = withSetup(() => useEnumLabels('enums', ['role', 'gender'] as const), {
      global: { plugins: [i18n] },
    })
    expect(labels.role('staff')).toBe(i18n.global.t('enums.role.staff'))
    expect(labels.role('staff')).not.toBe('staff')
    expect(labels.gender('unheard-of')).toBe('unheard-of')
    expect(labels.gender(null)).toBe('—')
  })
})
