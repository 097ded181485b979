import { ElMessage } from 'element-plus'
import { computed, reactive, ref, shallowRef } from 'vue'
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
import { errorMessage, fieldLines } from '@/api/http'
import type { Role } from '@/api/types'
import { useAction } from '@/composables/useAction'
import { useConfirm } from '@/composables/useConfirm'
import { useResource } from '@/composables/useResource'
import { useSessionStore } from '@/stores/session'

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
  const session = useSessionStore()
  /** Whether the member is the one signed in, who may not deactivate or reissue themself. */
  const isSelf = (member: Member) => member.user_id === session.session.user?.id
  const { data: rows, loading, error, load } = useResource(listMembers, [] as Member[])
  const busy = ref(false)
  /** The last answer that issued passwords, until its dialog is closed. */
  const issued = shallowRef<Issued | null>(null)

  const createForm = reactive({ username: '', display_name: '', roles: [] as Role[] })
  const create = useAction(errorMessage, { busy })
  const createErrors = computed(() => fieldLines(create.fields.value))

  const editing = shallowRef<Member | null>(null)
  const editRoles = ref<Role[]>([])
  const edit = useAction(errorMessage, { busy })
  /** A write from the page's buttons, whose failure shows on the page's own error line. */
  const pageWrite = useAction(errorMessage, { error, busy })
  const rowWrite = useAction(errorMessage, { error })

  function resetCreate() {
    Object.assign(createForm, { username: '', display_name: '', roles: [] })
    create.reset()
  }

  function submitCreate(): Promise<boolean> {
    return create.run(async () => {
      issued.value = await createAccount({ ...createForm })
      await load()
    })
  }

  async function fromRoster() {
    const go = t('accounts.rosterGo')
    if (!(await confirm(t('accounts.rosterConfirm'), t('accounts.fromRoster'), go, 'info'))) return
    await pageWrite.run(async () => {
      issued.value = await createRosterAccounts()
      await load()
    })
  }

  function openRoles(member: Member) {
    editing.value = member
    editRoles.value = [...member.roles]
    edit.reset()
  }

  async function submitRoles(): Promise<boolean> {
    const member = editing.value
    if (!member) return false
    const grant = editRoles.value.filter((role) => !member.roles.includes(role))
    const revoke = member.roles.filter((role) => !editRoles.value.includes(role))
    return edit.run(async () => {
      await changeRoles(member.id, { grant, revoke })
      ElMessage.success(t('accounts.rolesSaved'))
      editing.value = null
      await load()
    })
  }

  async function setActive(member: Member, active: boolean) {
    const question = t('accounts.deactivateConfirm', { name: member.display_name })
    if (!active && !(await confirm(question, t('accounts.deactivate')))) return
    await rowWrite.run(async () => {
      await (active ? activateMember(member.id) : deactivateMember(member.id))
      await load()
    })
  }

  async function reissue(member: Member) {
    const question = t('accounts.reissueConfirm', { name: member.display_name })
    if (!(await confirm(question, t('accounts.reissue')))) return
    await rowWrite.run(async () => {
      issued.value = await reissuePassword(member.id)
      await load()
    })
  }

  return {
    isSelf,
    rows,
    loading,
    error,
    busy,
    issued,
    createForm,
    create,
    createErrors,
    resetCreate,
    submitCreate,
    fromRoster,
    editing,
    editRoles,
    edit,
    openRoles,
    submitRoles,
    setActive,
    reissue,
  }
}
