import { describe, expect, it } from 'vitest'

import type { CongressLevel, Role } from '@/api/types'
import { accessRuleFor, canAccess, MENU, menuFor, menuSectionsFor, type AccessContext } from '@/config/menu'

function names(roles: Role[], level: CongressLevel | null, platformOperator = false): string[] {
  const ctx: AccessContext = { roles, level, platformOperator }
  return menuFor(ctx).map((entry) => entry.name)
}

describe('menu filter', () => {
  const townshipStaff = [
    'home',
    'deputies',
    'terms',
    'voting',
    'voting-rule-templates',
    'voting-evaluations',
    'implementation',
    'implementation-groups',
    'implementation-stages',
    'units',
    'stations',
    'activities',
    'opinions',
    'duty',
    'guidance',
    'route',
    'benchmarks',
    'station-stars',
    'setup',
  ]

  it('gives township staff both modules, guidance and benchmark nominations', () => {
    expect(names(['staff'], 'township')).toEqual(townshipStaff)
  })

  it('gives the dashboard to city and county staff only', () => {
    expect(names(['staff'], 'city')).toContain('dashboard')
    expect(names(['staff'], 'county')).toContain('dashboard')
    expect(names(['staff'], 'township')).not.toContain('dashboard')
    expect(names(['deputy'], 'city')).not.toContain('dashboard')
  })

  it('gives deputies the vote, the projects and their own phone pages at every level', () => {
    for (const level of ['city', 'county', 'township'] as const) {
      expect(names(['deputy'], level)).toEqual([
        'home',
        'deputies',
        'voting',
        'voting-evaluations',
        'me-proposals',
        'implementation',
        'me-activities',
        'me-tasks',
        'me-opinion-new',
        'me-record',
        'stations',
        'guidance',
      ])
    }
  })

  it('lets a system administrator open subordinate congresses only at city or county level', () => {
    expect(names(['system_admin'], 'city')).toEqual(['home', 'deputies', 'terms', 'congresses', 'setup', 'accounts'])
    expect(names(['system_admin'], 'city')).not.toContain('voting')
    expect(names(['system_admin'], 'county')).toEqual(['home', 'deputies', 'terms', 'congresses', 'setup', 'accounts'])
    expect(names(['system_admin'], 'township')).toEqual(['home', 'deputies', 'terms', 'setup', 'accounts'])
  })

  it('shows accounts and roles to the system administrator alone', () => {
    for (const role of ['security_admin', 'audit_admin', 'staff', 'deputy'] as const) {
      expect(names([role], 'township')).not.toContain('accounts')
    }
  })

  it('shows the audit log to the audit administrator alone', () => {
    expect(names(['audit_admin'], 'city')).toEqual(['home', 'audit'])
    expect(names(['security_admin'], 'city')).toEqual(['home', 'security'])
    expect(names(['staff', 'system_admin'], 'county')).not.toContain('audit')
  })

  it('keeps each of the three administrators to their own page (三员分立)', () => {
    expect(names(['system_admin'], 'township')).toEqual(['home', 'deputies', 'terms', 'setup', 'accounts'])
    expect(names(['security_admin'], 'township')).toEqual(['home', 'security'])
    expect(names(['audit_admin'], 'township')).toEqual(['home', 'audit'])
  })

  it('gives the party reviewer the party review and nothing of staff', () => {
    expect(names(['party_reviewer'], 'township')).toEqual(['home', 'party-review'])
  })

  it('gives roles without pages of their own just the dashboard', () => {
    expect(names(['unit'], 'township')).toEqual(['home', 'voting', 'implementation', 'opinions'])
    expect(names(['teller'], 'township')).toEqual(['home', 'voting'])
    expect(names([], 'county')).toEqual(['home'])
  })

  it('merges the entries of several roles', () => {
    expect(names(['audit_admin', 'staff'], 'township')).toEqual([...townshipStaff, 'audit'])
  })

  it('gives platform operators on the bare host the dashboard and the congresses', () => {
    expect(names([], null, true)).toEqual(['home', 'congresses'])
  })

  it('gives nothing on the bare host to someone who is not a platform operator', () => {
    expect(names(['system_admin', 'staff', 'audit_admin'], null, false)).toEqual([])
  })

  it('does not give tenant pages to an operator merely because they are an operator', () => {
    expect(names([], 'city', true)).toEqual(['home'])
  })

  it('uses the same rules for route access as for the menu', () => {
    const rule = accessRuleFor('congresses')
    expect(rule).toBeDefined()
    expect(canAccess(rule!, { roles: ['system_admin'], level: 'township', platformOperator: false })).toBe(false)
    expect(canAccess(rule!, { roles: ['system_admin'], level: 'county', platformOperator: false })).toBe(true)
    expect(accessRuleFor('no-such-page')).toBeUndefined()
    expect(accessRuleFor('constructor')).toBeUndefined()
  })

  it("guards the vote's sub-pages: the chair is staff, the ballot a deputy", () => {
    const staff: AccessContext = { roles: ['staff'], level: 'township', platformOperator: false }
    const deputy: AccessContext = { roles: ['deputy'], level: 'township', platformOperator: false }
    expect(canAccess(accessRuleFor('voting-chair')!, staff)).toBe(true)
    expect(canAccess(accessRuleFor('voting-chair')!, deputy)).toBe(false)
    expect(canAccess(accessRuleFor('voting-cycle')!, deputy)).toBe(false)
    expect(canAccess(accessRuleFor('voting-ballot')!, deputy)).toBe(true)
    expect(canAccess(accessRuleFor('voting-ballot')!, staff)).toBe(false)
    expect(canAccess(accessRuleFor('voting-screen')!, deputy)).toBe(true)
    expect(canAccess(accessRuleFor('voting-screen')!, staff)).toBe(true)
  })

  it('lets a unit answer in deliberation and on the mid-year report, not chair or vote', () => {
    const unit: AccessContext = { roles: ['unit'], level: 'township', platformOperator: false }
    const deputy: AccessContext = { roles: ['deputy'], level: 'township', platformOperator: false }
    expect(canAccess(accessRuleFor('voting-deliberation')!, unit)).toBe(true)
    expect(canAccess(accessRuleFor('implementation-midyear')!, unit)).toBe(true)
    expect(canAccess(accessRuleFor('implementation-midyear')!, deputy)).toBe(false)
    expect(canAccess(accessRuleFor('voting-chair')!, unit)).toBe(false)
    expect(canAccess(accessRuleFor('voting-ballot')!, unit)).toBe(false)
  })

  it('has unique route names and paths', () => {
    expect(new Set(MENU.map((e) => e.name)).size).toBe(MENU.length)
    expect(new Set(MENU.map((e) => e.path)).size).toBe(MENU.length)
  })
})

describe('menu sections', () => {
  it('puts the top entries first, then each module, oversight and administration', () => {
    const ctx: AccessContext = {
      roles: ['staff', 'audit_admin'],
      level: 'city',
      platformOperator: false,
    }
    const groups = menuSectionsFor(ctx).map((g) => [g.section, g.entries.map((e) => e.name)])
    expect(groups).toEqual([
      [null, ['home', 'deputies', 'terms']],
      [
        'vote',
        [
          'voting',
          'voting-rule-templates',
          'voting-evaluations',
          'implementation',
          'implementation-groups',
          'implementation-stages',
          'units',
        ],
      ],
      ['linkage', ['stations', 'activities', 'opinions', 'duty']],
      ['oversight', ['dashboard', 'guidance', 'route', 'benchmarks', 'station-stars']],
      ['admin', ['setup', 'audit']],
    ])
  })

  it('leaves out a section with nothing visible in it', () => {
    const ctx: AccessContext = { roles: ['teller'], level: 'township', platformOperator: false }
    expect(menuSectionsFor(ctx).map((g) => g.section)).toEqual([null, 'vote'])
  })
})
