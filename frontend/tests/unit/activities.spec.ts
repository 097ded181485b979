import { describe, expect, it } from 'vitest'

import type { CongressLevel, Role } from '@/api/types'
import { accessRuleFor, canAccess, menuFor, type AccessContext } from '@/config/menu'

function ctx(roles: Role[], level: CongressLevel = 'township'): AccessContext {
  return { roles, level, platformOperator: false }
}

describe('activities and duty pages', () => {
  it('give staff the console and the points, deputies their phone pages', () => {
    const staff = menuFor(ctx(['staff'])).map((e) => e.name)
    const deputy = menuFor(ctx(['deputy'])).map((e) => e.name)
    expect(staff).toEqual(expect.arrayContaining(['activities', 'duty']))
    expect(staff).not.toContain('me-record')
    expect(deputy).toEqual(expect.arrayContaining(['me-activities', 'me-record', 'me-tasks']))
    expect(deputy).not.toContain('activities')
  })

  it('keep the activity page and QR screen to staff and the sign-in page to deputies', () => {
    for (const name of ['activity-detail', 'activity-screen']) {
      const rule = accessRuleFor(name)
      expect(rule && canAccess(rule, ctx(['staff'], 'county'))).toBe(true)
      expect(rule && canAccess(rule, ctx(['deputy'], 'county'))).toBe(false)
    }
    const checkIn = accessRuleFor('me-check-in')
    expect(checkIn && canAccess(checkIn, ctx(['deputy']))).toBe(true)
    expect(checkIn && canAccess(checkIn, ctx(['staff']))).toBe(false)
  })
})
