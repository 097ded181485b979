import type { FormInstance, FormRules } from 'element-plus'
import { computed, reactive, useTemplateRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute, useRouter } from 'vue-router'

import { useAction } from '@/composables/useAction'
import { safeRedirect } from '@/router'
import { useSessionStore } from '@/stores/session'

export function useLogin() {
  const session = useSessionStore()
  const router = useRouter()
  const route = useRoute()
  const { t } = useI18n()

  const formRef = useTemplateRef<FormInstance>('loginForm')
  const form = reactive({ username: '', password: '' })
  const login = useAction()
  const { busy: submitting, error } = login

  const rules = computed<FormRules>(() => ({
    username: [{ required: true, message: t('login.usernameRequired'), trigger: 'blur' }],
    password: [{ required: true, message: t('login.passwordRequired'), trigger: 'blur' }],
  }))

  /** Why the user is here: a session that ran out, or a tenant switch link that failed. */
  const notice = computed(() => {
    if (route.query.handoff === 'invalid') return t('login.handoffInvalid')
    if (route.query.reason === 'expired') return t('login.sessionExpired')
    return ''
  })

  const congressName = computed(() => session.congress?.name ?? t('app.platformConsole'))
  /** Signing in to the platform's console, not a congress. */
  const onPlatform = computed(() => session.isPlatformHost)

  async function submit() {
    error.value = ''
    const valid = await formRef.value?.validate().catch(() => false)
    if (formRef.value && !valid) return
    const ok = await login.run(async () => {
      await session.login(form.username.trim(), form.password)
      await router.replace(safeRedirect(route.query.redirect))
    })
    if (!ok) form.password = ''
  }

  return { form, rules, submitting, error, notice, congressName, onPlatform, submit }
}
