import {
  createRouter,
  createWebHistory,
  type RouteLocationRaw,
  type Router,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router'

import { setAuthFailureHandler } from '@/api/http'
import { accessRuleFor, canAccess } from '@/config/menu'
import { useSessionStore } from '@/stores/session'

import './types'

const modules = import.meta.glob<{ default: RouteRecordRaw[]; standalone?: RouteRecordRaw[] }>('./modules/*.ts', {
  eager: true,
})
/** The pages inside the layout, gathered from router/modules/*.ts. */
export const layoutChildren: RouteRecordRaw[] = Object.values(modules).flatMap((m) => m.default)
/** Full-screen pages without the layout (a module's `standalone` export), e.g. a hall screen. */
export const standaloneRoutes: RouteRecordRaw[] = Object.values(modules).flatMap((m) => m.standalone ?? [])

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/index.vue'),
    meta: { titleKey: 'login.title', public: true },
  },
  {
    path: '/auth/handoff',
    name: 'handoff',
    component: () => import('@/views/login/handoff.vue'),
    meta: { titleKey: 'login.handoffTitle', public: true },
  },
  {
    path: '/',
    component: () => import('@/layout/index.vue'),
    children: [
      ...layoutChildren,
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('@/views/error/403/index.vue'),
        meta: { titleKey: 'errors.forbiddenTitle' },
      },
    ],
  },
  ...standaloneRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/404/index.vue'),
    meta: { titleKey: 'errors.notFoundTitle', public: true },
  },
]

/** Where the login page should send the user afterwards (same-origin paths only). */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/'
}

export function loginLocation(from: string, reason?: string): RouteLocationRaw {
  const query: Record<string, string> = {}
  if (from && from !== '/' && !from.startsWith('/login')) query.redirect = from
  if (reason) query.reason = reason
  return { name: 'login', query }
}

/** A 401/403 `not_authenticated`/`tenant_mismatch` from any API call lands on the login page. */
export function installAuthRedirect(router: Router): void {
  setAuthFailureHandler(() => {
    useSessionStore().clearUser()
    const current = router.currentRoute.value
    if (current.name === 'login') return
    void router.replace(loginLocation(current.fullPath, 'expired'))
  })
}

export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    const session = useSessionStore()
    await session.ensureLoaded()
    if (to.meta.public) {
      if (to.name === 'login' && session.isAuthenticated) return safeRedirect(to.query.redirect)
      return true
    }
    if (!session.isAuthenticated) return loginLocation(to.fullPath)
    const rule = typeof to.name === 'string' ? accessRuleFor(to.name) : undefined
    if (rule && !canAccess(rule, session.accessContext)) {
      return { name: 'forbidden', replace: true }
    }
    return true
  })
}

export function createAppRouter(history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })
  installGuards(router)
  installAuthRedirect(router)
  return router
}
