import { ElMessage } from 'element-plus'
import { onMounted, reactive, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'

import type { Issued } from '@/api/accounts'
import { ApiError, errorMessage, type FieldErrors } from '@/api/http'
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
import { useConfirm } from '@/composables/useConfirm'

/** The security administrator's page: members' lockouts and sessions, tokens, the policy. */
export function useSecurity() {
  const { t } = useI18n()
  const confirmed = useConfirm()
  const members = shallowRef<MemberSecurity[]>([])
  const tokens = shallowRef<ApiToken[]>([])
  const policy = shallowRef<PasswordPolicy | null>(null)
  const policyForm = reactive({ min_length: 8, max_age_days: 0 })
  const policyErrors = ref<FieldErrors>({})
  const loading = ref(false)
  const saving = ref(false)
  const error = ref('')
  /** The answer of a reset, until its dialog is closed: the one-time password's slip. */
  const issued = shallowRef<Issued | null>(null)

  async function load() {
    loading.value = true
    error.value = ''
    try {
      const [m, tk, p] = await Promise.all([listMemberSecurity(), listCongressTokens(), getPasswordPolicy()])
      members.value = m
      tokens.value = tk
      policy.value = p
      Object.assign(policyForm, { min_length: p.min_length, max_age_days: p.max_age_days })
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  async function act(run: () => Promise<unknown>, done: string) {
    error.value = ''
    try {
      await run()
      ElMessage.success(done)
      await load()
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  const unlock = (m: MemberSecurity) => act(() => unlockMember(m.id), t('security.unlocked'))

  async function reset(m: MemberSecurity) {
    if (!(await confirmed(t('security.resetConfirm', { name: m.display_name }), t('security.reset')))) return
    error.value = ''
    try {
      issued.value = await resetPassword(m.id)
      await load()
    } catch (failure) {
      error.value = errorMessage(failure)
    }
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
    saving.value = true
    policyErrors.value = {}
    error.value = ''
    try {
      policy.value = await setPasswordPolicy({ ...policyForm })
      ElMessage.success(t('security.policySaved'))
    } catch (failure) {
      error.value = errorMessage(failure)
      if (failure instanceof ApiError) policyErrors.value = failure.fields
    } finally {
      saving.value = false
    }
  }

  onMounted(load)
  return {
    members,
    tokens,
    policy,
    policyForm,
    policyErrors,
    loading,
    saving,
    error,
    issued,
    unlock,
    reset,
    endAll,
    revoke,
    savePolicy,
  }
}
