import { ElMessage } from 'element-plus'
import { reactive, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'

import type { Issued } from '@/api/accounts'
import { errorMessage } from '@/api/http'
import {
  endSessions,
  getPasswordPolicy,
  listCongressTokens,
  listMemberSecurity,
  resetPassword,
  revokeToken,
  setPasswordPolicy,
  unlockMember,
  type ApiToken,
  type MemberSecurity,
  type PasswordPolicy,
} from '@/api/security'
import { useAction } from '@/composables/useAction'
import { useConfirm } from '@/composables/useConfirm'
import { useResources } from '@/composables/useResource'
import { useSessionStore } from '@/stores/session'

/** The security administrator's page: members' lockouts and sessions, tokens, the policy. */
export function useSecurity() {
  const { t } = useI18n()
  const confirmed = useConfirm()
  const session = useSessionStore()
  /** Whether the member is the one signed in, who may not reset or end their own sign-in here. */
  const isSelf = (member: MemberSecurity) => member.username === session.session.user?.username
  const policyForm = reactive({ min_length: 8, max_age_days: 0 })
  const {
    parts: { members, tokens, policy },
    loading,
    error,
    load,
  } = useResources(
    { members: listMemberSecurity, tokens: listCongressTokens, policy: getPasswordPolicy },
    { members: [] as MemberSecurity[], tokens: [] as ApiToken[], policy: null as PasswordPolicy | null },
  )
  watch(policy, (read) => {
    if (read) Object.assign(policyForm, { min_length: read.min_length, max_age_days: read.max_age_days })
  })
  /** A step from the page's buttons, whose failure shows on the page's own error line. */
  const pageWrite = useAction(errorMessage, { error })
  const policySave = useAction(errorMessage, { error })
  /** The answer of a reset, until its dialog is closed: the one-time password's slip. */
  const issued = shallowRef<Issued | null>(null)

  function act(call: () => Promise<unknown>, done: string) {
    return pageWrite.run(async () => {
      await call()
      ElMessage.success(done)
      await load()
    })
  }

  const unlock = (m: MemberSecurity) => act(() => unlockMember(m.id), t('security.unlocked'))

  async function reset(m: MemberSecurity) {
    if (!(await confirmed(t('security.resetConfirm', { name: m.display_name }), t('security.reset')))) return
    await pageWrite.run(async () => {
      issued.value = await resetPassword(m.id)
      await load()
    })
  }

  async function endAll(m: MemberSecurity) {
    if (!(await confirmed(t('security.endConfirm', { name: m.display_name }), t('security.end')))) return
    await act(() => endSessions(m.id), t('security.ended'))
  }

  async function revoke(token: ApiToken) {
    const name = `${token.name} (${token.user.display_name || token.user.username})`
    if (!(await confirmed(t('security.revokeConfirm', { name }), t('security.revoke')))) return
    await act(() => revokeToken(token.id), t('security.revoked'))
  }

  async function savePolicy() {
    await policySave.run(async () => {
      policy.value = await setPasswordPolicy({ ...policyForm })
      ElMessage.success(t('security.policySaved'))
    })
  }

  return {
    members,
    tokens,
    policy,
    policyForm,
    policyErrors: policySave.fields,
    loading,
    saving: policySave.busy,
    error,
    issued,
    isSelf,
    unlock,
    reset,
    endAll,
    revoke,
    savePolicy,
  }
}
