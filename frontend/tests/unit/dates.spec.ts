import { describe, expect, it } from 'vitest'

import { daysBefore } from '@/utils/dates'

describe('daysBefore', () => {
  it('disables the days before the start and keeps the start day itself', () => {
    const disabled = daysBefore('2026-11-20')
    expect(disabled(new Date(2026, 10, 19, 23, 59))).toBe(true)
    expect(disabled(new Date(2026, 10, 20))).toBe(false)
    expect(disabled(new Date(2026, 10, 21))).toBe(false)
    expect(disabled(new Date(2025, 11, 31))).toBe(true)
  })

  it('takes the day of a local date-time, so an activity may end later on the day it starts', () => {
    const disabled = daysBefore('2026-11-20T09:00')
    expect(disabled(new Date(2026, 10, 20))).toBe(false)
    expect(disabled(new Date(2026, 10, 19))).toBe(true)
  })

  it('disables nothing while no start is chosen', () => {
    for (const start of ['', null, undefined]) expect(daysBefore(start)(new Date(1999, 0, 1))).toBe(false)
  })
})
