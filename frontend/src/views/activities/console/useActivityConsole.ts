import { reactive, ref } from 'vue'

import {
  createActivity,
  listActivities,
  type Activity,
  type ActivityKind,
  type InviteeCandidate,
} from '@/api/activities'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

export function useActivityConsole() {
  const { data: activities, loading, error, load } = useResource<Activity[]>(listActivities, [])

  const dialogOpen = ref(false)
  const saveAction = useAction()
  const { error: formError, fields: fieldErrors } = saveAction
  const form = reactive({
    kind: 'inspection' as ActivityKind,
    title: '',
    startsAt: '',
    endsAt: '',
    place: '',
    internalNotes: '',
  })
  const picked = ref<InviteeCandidate[]>([])

  function openDialog() {
    formError.value = ''
    fieldErrors.value = {}
    dialogOpen.value = true
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
        invitees: picked.value.map((c) => ({ congress: c.congress_id, deputy: c.deputy_id })),
      })
      dialogOpen.value = false
      picked.value = []
      await load()
    })
    return created
  }

  return {
    activities,
    loading,
    error,
    dialogOpen,
    saveAction,
    fieldErrors,
    form,
    picked,
    openDialog,
    submit,
    load,
  }
}
