import { afterEach, describe, expect, it, vi } from 'vitest'

import { daysBefore, isoDay, isoDaysAhead } from '@/utils/dates'

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

describe('isoDay', () => {
  it('writes the reader’s own calendar day, padded, late in the evening too', () => {
    expect(isoDay(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05')
  })
})

describe('isoDaysAhead', () => {
  afterEach(() => vi.useRealTimers())

  it('counts days from today, today itself by default', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date(2026, 11, 30, 10, 0))
    expect(isoDaysAhead()).toBe('2026-12-30')
    expect(isoDaysAhead(5)).toBe('2027-01-04')
  })
})
