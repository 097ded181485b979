import { describe, expect, it } from 'vitest'

import type { CongressLevel, Role } from '@/api/types'
import { accessRuleFor, canAccess, menuFor, type AccessContext } from '@/config/menu'

function ctx(roles: Role[], level: CongressLevel = 'township'): AccessContext {
  return { roles, level, platformOperator: false }
}

describe('guidance and benchmark pages', () => {
  it('show received guidance to staff and deputies, benchmarks to staff only', () => {
    const staff = menuFor(ctx(['staff'])).map((e) => e.name)
    const deputy = menuFor(ctx(['deputy'])).map((e) => e.name)
    expect(staff).toEqual(expect.arrayContaining(['guidance', 'benchmarks']))
    expect(deputy).toContain('guidance')
    expect(deputy).not.toContain('benchmarks')
  })

  it('keep a round page to staff, at every level', () => {
    const rule = accessRuleFor('benchmark-round')
    expect(rule).toBeDefined()
    for (const level of ['city', 'county', 'township'] as const) {
      expect(canAccess(rule!, ctx(['staff'], level))).toBe(true)
    }
    expect(canAccess(rule!, ctx(['deputy']))).toBe(false)
    expect(canAccess(rule!, ctx(['unit'], 'city'))).toBe(false)
  })
})
