import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

import * as authApi from '@/api/auth'
import type { Membership, Session } from '@/api/types'
import type { AccessContext } from '@/config/menu'

const EMPTY: Session = {
  user: null,
  congress: null,
  roles: [],
  memberships: [],
  idle_timeout_seconds: 1800,
}

export const useSessionStore = defineStore('session', () => {
  const session = ref<Session>({ ...EMPTY })
  const loaded = ref(false)

  const user = computed(() => session.value.user)
  const congress = computed(() => session.value.congress)
  const roles = computed(() => session.value.roles)
  const memberships = computed(() => session.value.memberships)
  const isAuthenticated = computed(() => session.value.user !== null)
  /** The bare host: the platform operators' console, no congress of its own. */
  const isPlatformHost = computed(() => session.value.congress === null)
  const otherMemberships = computed<Membership[]>(() =>
    session.value.memberships.filter((m) => m.congress.id !== session.value.congress?.id),
  )
  const accessContext = computed<AccessContext>(() => ({
    roles: session.value.roles,
    level: session.value.congress?.level ?? null,
    platformOperator: !!session.value.user?.is_platform_operator,
  }))
  const mustChangePassword = computed(() => !!session.value.user?.must_change_password)

  function set(next: Session) {
    session.value = next
    loaded.value = true
  }

  async function load() {
    set(await authApi.fetchSession())
  }

  async function ensureLoaded() {
    if (loaded.value) return
    try {
      await load()
    } catch {
      // backend unreachable: stay anonymous; the login page shows errors on submit
      loaded.value = true
    }
  }

  async function login(username: string, password: string) {
    set(await authApi.login({ username, password }))
  }

  /** Forget the user locally (the server session is gone or being ended). */
  function clearUser() {
    session.value = { ...session.value, user: null, roles: [], memberships: [] }
  }

  async function logout() {
    try {
      await authApi.logout()
    } finally {
      clearUser()
    }
  }

  /** Arrive from another congress's host with the one-time code it gave (see switchTo). */
  async function redeemHandoff(code: string) {
    set(await authApi.redeemHandoff({ code }))
  }

  /** Go to another congress of mine; its host logs me in with a one-time code. */
  async function switchTo(congressId: number) {
    const { url } = await authApi.switchTenant(congressId)
    window.location.href = url
  }

  async function changePassword(oldPassword: string, newPassword: string) {
    await authApi.changePassword({ old_password: oldPassword, new_password: newPassword })
    if (session.value.user) {
      session.value = {
        ...session.value,
        user: { ...session.value.user, must_change_password: false },
      }
    }
  }

  return {
    session,
    loaded,
    user,
    congress,
    roles,
    memberships,
    otherMemberships,
    isAuthenticated,
    isPlatformHost,
    accessContext,
    mustChangePassword,
    set,
    load,
    ensureLoaded,
    login,
    logout,
    clearUser,
    switchTo,
    redeemHandoff,
    changePassword,
  }
})
