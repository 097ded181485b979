import { describe, expect, it } from 'vitest'

import { ratePercent } from '@/utils/rate'

import fixture from '../fixtures/rates.json'

describe('ratePercent', () => {
  it('shows every rate of the shared fixture as the server does (half-up, two decimals)', () => {
    const rates = fixture.rates as [number, number, string][]
    expect(rates.length).toBeGreaterThan(800)
    for (const [part, whole, shown] of rates)
      expect([part, whole, ratePercent(part, whole)]).toEqual([part, whole, shown])
  })

  it('rounds the tie up where half-to-even would not: 29 of 32 is 90.63', () => {
    expect(ratePercent(29, 32)).toBe('90.63')
    expect(ratePercent(1, 20_000)).toBe('0.01')
    expect(ratePercent(57, 400)).toBe('14.25')
  })

  it('has no rate without a whole', () => {
    expect(ratePercent(0, 0)).toBeNull()
    expect(ratePercent(3, 0)).toBeNull()
  })
})
