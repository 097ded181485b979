import { computed, reactive, ref } from 'vue'

import {
  createActivity,
  inviteeCandidates,
  listActivities,
  type Activity,
  type ActivityKind,
  type InviteeCandidate,
} from '@/api/activities'
import { errorMessage } from '@/api/http'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

function keyOf(c: InviteeCandidate): string {
  return `${c.congress_id}:${c.deputy_id}`
}

export function useActivityConsole() {
  const { data: activities, loading, error, load } = useResource<Activity[]>(listActivities, [])

  const dialogOpen = ref(false)
  const saveAction = useAction()
  const { busy: saving, error: formError, fields: fieldErrors } = saveAction
  const form = reactive({
    kind: 'inspection' as ActivityKind,
    title: '',
    startsAt: '',
    endsAt: '',
    place: '',
    internalNotes: '',
  })
  const search = ref('')
  const candidates = ref<InviteeCandidate[]>([])
  const picked = ref(new Map<string, InviteeCandidate>())
  const pickedList = computed(() => [...picked.value.values()])

  async function findCandidates() {
    try {
      candidates.value = await inviteeCandidates(search.value.trim())
    } catch (failure) {
      formError.value = errorMessage(failure)
    }
  }

  function isPicked(c: InviteeCandidate): boolean {
    return picked.value.has(keyOf(c))
  }

  function toggle(c: InviteeCandidate) {
    const next = new Map(picked.value)
    if (next.has(keyOf(c))) next.delete(keyOf(c))
    else next.set(keyOf(c), c)
    picked.value = next
  }

  function openDialog() {
    formError.value = ''
    fieldErrors.value = {}
    dialogOpen.value = true
    void findCandidates()
  }

  async function submit(): Promise<Activity | null> {
    let created: Activity | null = null
    await saveAction.run(async () => {
      created = await createActivity({
        kind: form.kind,
        title: form.title,
        place: form.place,
        internal_notes: form.internalNotes,
        starts_at: form.startsAt ? new Date(form.startsAt).toISOString() : '',
        ends_at: form.endsAt ? new Date(form.endsAt).toISOString() : '',
        invitees: pickedList.value.map((c) => ({ congress: c.congress_id, deputy: c.deputy_id })),
      })
      dialogOpen.value = false
      picked.value = new Map()
      await load()
    })
    return created
  }

  return {
    activities,
    loading,
    error,
    dialogOpen,
    saving,
    formError,
    fieldErrors,
    form,
    search,
    candidates,
    pickedList,
    isPicked,
    toggle,
    openDialog,
    findCandidates,
    submit,
    load,
  }
}
