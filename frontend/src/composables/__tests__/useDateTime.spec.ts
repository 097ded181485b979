import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'

import { useAppStore } from '@/stores/app'

import { formatDateTime, useDateTime } from '../useLabels'

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
