import { ElMessage } from 'element-plus'
import { onMounted, reactive, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'

import {
  activateMember,
  changeRoles,
  createAccount,
  createRosterAccounts,
  deactivateMember,
  listMembers,
  reissuePassword,
  type Issued,
  type Member,
} from '@/api/accounts'
import { ApiError, errorMessage } from '@/api/http'
import type { Role } from '@/api/types'
import { useConfirm } from '@/composables/useConfirm'

type FieldMessages = Record<string, string>

function fieldMessages(failure: unknown): FieldMessages {
  if (!(failure instanceof ApiError)) return {}
  return Object.fromEntries(Object.entries(failure.fields).map(([key, messages]) => [key, messages.join(' ')]))
}

/** The slips' PDF from a response that issued passwords: kept in memory only, never stored. */
export function slipsBlob(issued: Issued): Blob {
  const bytes = Uint8Array.from(atob(issued.slips_pdf), (c) => c.charCodeAt(0))
  return new Blob([bytes], { type: 'application/pdf' })
}

export function saveSlips(issued: Issued): void {
  const url = URL.createObjectURL(slipsBlob(issued))
  const link = document.createElement('a')
  link.href = url
  link.download = issued.slips_filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The browser has the file once the click is handled; the URL need not outlive it.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function useMembers() {
  const { t } = useI18n()
  const confirm = useConfirm()
  const rows = shallowRef<Member[]>([])
  const loading = ref(false)
  const error = ref('')
  const busy = ref(false)
  /** The last answer that issued passwords, until its dialog is closed. */
  const issued = shallowRef<Issued | null>(null)

  const createForm = reactive({ username: '', display_name: '', roles: [] as Role[] })
  const createErrors = ref<FieldMessages>({})
  const createError = ref('')

  const editing = shallowRef<Member | null>(null)
  const editRoles = ref<Role[]>([])
  const editError = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      rows.value = await listMembers()
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  function resetCreate() {
    Object.assign(createForm, { username: '', display_name: '', roles: [] })
    createErrors.value = {}
    createError.value = ''
  }

  async function submitCreate(): Promise<boolean> {
    busy.value = true
    createErrors.value = {}
    createError.value = ''
    try {
      issued.value = await createAccount({ ...createForm })
      await load()
      return true
    } catch (failure) {
      createError.value = errorMessage(failure)
      createErrors.value = fieldMessages(failure)
      return false
    } finally {
      busy.value = false
    }
  }

  async function fromRoster() {
    const go = t('accounts.rosterGo')
    if (!(await confirm(t('accounts.rosterConfirm'), t('accounts.fromRoster'), go, 'info'))) return
    busy.value = true
    error.value = ''
    try {
      issued.value = await createRosterAccounts()
      await load()
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      busy.value = false
    }
  }

  function openRoles(member: Member) {
    editing.value = member
    editRoles.value = [...member.roles]
    editError.value = ''
  }

  async function submitRoles(): Promise<boolean> {
    const member = editing.value
    if (!member) return false
    const grant = editRoles.value.filter((role) => !member.roles.includes(role))
    const revoke = member.roles.filter((role) => !editRoles.value.includes(role))
    busy.value = true
    editError.value = ''
    try {
      await changeRoles(member.id, { grant, revoke })
      ElMessage.success(t('accounts.rolesSaved'))
      editing.value = null
      await load()
      return true
    } catch (failure) {
      editError.value = errorMessage(failure)
      return false
    } finally {
      busy.value = false
    }
  }

  async function setActive(member: Member, active: boolean) {
    const question = t('accounts.deactivateConfirm', { name: member.display_name })
    if (!active && !(await confirm(question, t('accounts.deactivate')))) return
    error.value = ''
    try {
      await (active ? activateMember(member.id) : deactivateMember(member.id))
      await load()
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  async function reissue(member: Member) {
    const question = t('accounts.reissueConfirm', { name: member.display_name })
    if (!(await confirm(question, t('accounts.reissue')))) return
    error.value = ''
    try {
      issued.value = await reissuePassword(member.id)
      await load()
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  onMounted(load)
  return {
    rows,
    loading,
    error,
    busy,
    issued,
    createForm,
    createErrors,
    createError,
    resetCreate,
    submitCreate,
    fromRoster,
    editing,
    editRoles,
    editError,
    openRoles,
    submitRoles,
    setActive,
    reissue,
  }
}
