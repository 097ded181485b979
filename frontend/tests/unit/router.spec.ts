import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, type Router } from 'vue-router'

import type { Session } from '@/api/types'
import { createAppRouter, layoutChildren, safeRedirect, standaloneRoutes } from '@/router'
import { documentTitle } from '@/utils/title'

function session(partial: Partial<Session>): Session {
  return {
    user: {
      id: 1,
      username: 'u',
      display_name: '用户',
      is_platform_operator: false,
      must_change_password: false,
    },
    congress: {
      id: 4,
      name: '青石镇人大主席团',
      slug: 'qingshi',
      level: 'township',
      division_code: '369902101',
    },
    roles: [],
    memberships: [],
    idle_timeout_seconds: 1800,
    ...partial,
  }
}

function serve(body: Session) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    ),
  )
}

let router: Router

beforeEach(() => {
  setActivePinia(createPinia())
  router = createAppRouter(createMemoryHistory())
})

afterEach(() => vi.unstubAllGlobals())

describe('router guard', () => {
  it('sends an anonymous visitor to the login page and remembers where they were going', async () => {
    serve(session({ user: null, roles: [] }))
    await router.push('/deputies')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/deputies')
  })

  it('lets staff open the roster but not the audit log', async () => {
    serve(session({ roles: ['staff'] }))
    await router.push('/deputies')
    expect(router.currentRoute.value.name).toBe('deputies')
    await router.push('/audit')
    expect(router.currentRoute.value.name).toBe('forbidden')
  })

  it('keeps a township system administrator out of the provisioning page', async () => {
    serve(session({ roles: ['system_admin'] }))
    await router.push('/congresses')
    expect(router.currentRoute.value.name).toBe('forbidden')
  })

  it('sends a logged-in user away from the login page to the remembered page', async () => {
    serve(session({ roles: ['audit_admin'] }))
    await router.push('/login?redirect=/audit')
    expect(router.currentRoute.value.name).toBe('audit')
  })

  it('registers every page module inside the layout', () => {
    expect(layoutChildren.map((r) => r.name).sort()).toEqual([
      'accounts',
      'activities',
      'activity-detail',
      'audit',
      'benchmark-round',
      'benchmarks',
      'congresses',
      'dashboard',
      'deputies',
      'duty',
      'guidance',
      'home',
      'implementation',
      'implementation-groups',
      'implementation-midyear',
      'implementation-project',
      'implementation-report',
      'implementation-stages',
      'me-activities',
      'me-check-in',
      'me-opinion-new',
      'me-proposals',
      'me-record',
      'me-tasks',
      'notifications',
      'opinions',
      'opinions-detail',
      'party-review',
      'route',
      'security',
      'setup',
      'station-detail',
      'station-stars',
      'stations',
      'stations-checklist',
      'terms',
      'units',
      'voting',
      'voting-ballot',
      'voting-chair',
      'voting-cycle',
      'voting-deliberation',
      'voting-devices',
      'voting-evaluation',
      'voting-evaluations',
      'voting-rate',
      'voting-reserve',
      'voting-rule-templates',
      'voting-tally',
    ])
    expect(standaloneRoutes.map((r) => r.name).sort()).toEqual([
      'activity-screen',
      'portal',
      'portal-account',
      'portal-announcement',
      'portal-benchmarks',
      'portal-home',
      'portal-opinion-new',
      'portal-opinion-track',
      'portal-station',
      'portal-track',
      'voting-screen',
      'wall',
    ])
  })
})

describe('helpers', () => {
  it('only redirects to paths on this host', () => {
    expect(safeRedirect('/deputies?page=2')).toBe('/deputies?page=2')
    expect(safeRedirect('//evil.example/')).toBe('/')
    expect(safeRedirect('https://evil.example/')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })

  it('titles a page with the congress name', () => {
    expect(documentTitle('登录', '青石镇人大主席团')).toBe('登录 - 青石镇人大主席团')
    expect(documentTitle(undefined, '人大代表履职平台')).toBe('人大代表履职平台')
  })
})
