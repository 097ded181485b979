import { computed, reactive, ref } from 'vue'

import { addTermSession, closeTerm, listTerms, openTerm, type Term } from '@/api/deputies'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

interface OpenForm {
  number: number | undefined
  starts_on: string
  ends_on: string
  /** A session's day; a row left empty or cleared (null) is not sent. */
  sessions: (string | null)[]
  carry_over: boolean
}

function blank(terms: Term[]): OpenForm {
  const last = terms[0]
  return {
    number: last ? last.number + 1 : undefined,
    starts_on: '',
    ends_on: '',
    sessions: [''],
    carry_over: false,
  }
}

/** 届次管理: the terms, opening the next one (with its sessions) and closing the open one. */
export function useTerms() {
  const { data: terms, loading, error, load } = useResource<Term[]>(listTerms, [])
  const current = computed(() => terms.value.find((term) => term.is_current) ?? null)
  const past = computed(() => terms.value.filter((term) => !term.is_current))

  const opening = ref(false)
  const openAction = useAction()
  const form = reactive<OpenForm>(blank([]))

  function startOpen() {
    Object.assign(form, blank(terms.value))
    openAction.reset()
    opening.value = true
  }

  function addSessionRow() {
    form.sessions.push('')
  }
  function removeSessionRow(index: number) {
    form.sessions.splice(index, 1)
  }

  async function submitOpen(): Promise<boolean> {
    const ok = await openAction.run(async () => {
      await openTerm({
        number: form.number ?? 0,
        starts_on: form.starts_on,
        ends_on: form.ends_on,
        sessions: form.sessions.filter((day): day is string => Boolean(day)),
        carry_over: form.carry_over,
      })
      await load()
    })
    if (ok) opening.value = false
    return ok
  }

  const closing = ref(false)
  const closeAction = useAction()
  function startClose() {
    closeAction.reset()
    closing.value = true
  }
  async function submitClose(): Promise<boolean> {
    const term = current.value
    if (!term) return false
    const ok = await closeAction.run(async () => {
      await closeTerm(term.id)
      await load()
    })
    if (ok) closing.value = false
    return ok
  }

  const sessionDay = ref<string | null>('')
  const sessionAction = useAction()
  async function addSession(): Promise<boolean> {
    const term = current.value
    if (!term) return false
    const ok = await sessionAction.run(async () => {
      await addTermSession(term.id, sessionDay.value ?? '')
      await load()
    })
    if (ok) sessionDay.value = ''
    return ok
  }

  /** The server's message for a field (`sessions.1` for the second session's day). */
  function fieldError(action: ReturnType<typeof useAction>, name: string): string | undefined {
    return action.fields.value[name]?.join(' ') || undefined
  }

  return {
    terms,
    current,
    past,
    loading,
    error,
    load,
    opening,
    openAction,
    form,
    startOpen,
    addSessionRow,
    removeSessionRow,
    submitOpen,
    closing,
    closeAction,
    startClose,
    submitClose,
    sessionDay,
    sessionAction,
    addSession,
    fieldError,
  }
}
