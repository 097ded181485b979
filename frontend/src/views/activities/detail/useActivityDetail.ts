import { computed, ref, watch } from 'vue'

import {
  addPhoto,
  cancelActivity,
  getActivity,
  inviteMore,
  openSignIn,
  recordActivity,
  type ActivityDetail,
  type InviteeCandidate,
} from '@/api/activities'
import { fileUrl, uploadFile } from '@/api/files'
import { errorMessage } from '@/api/http'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'
import { useRouteId } from '@/composables/useRouteId'

export function useActivityDetail() {
  const id = useRouteId()
  const { data: activity, error, load } = useResource<ActivityDetail | null>(() => getActivity(id.value), null)
  const action = useAction()
  const { busy, error: actionError } = action
  const opening = useAction(errorMessage, { error: actionError })
  const minutes = ref('')
  const outcomes = ref('')
  const validMinutes = ref(60)
  const cancelReason = ref('')
  const caption = ref('')

  /** The record's fields show the activity as last read or changed. */
  watch(activity, (found) => {
    minutes.value = found?.minutes ?? ''
    outcomes.value = found?.outcomes ?? ''
  })

  const act = (call: () => Promise<ActivityDetail>) => action.run(async () => (activity.value = await call()))

  const startSignIn = () => act(() => openSignIn(id.value, validMinutes.value))
  const saveRecord = () => act(() => recordActivity(id.value, minutes.value, outcomes.value))
  const cancel = () => act(() => cancelActivity(id.value, cancelReason.value))

  // 追加邀请: more deputies from the directory, with the same picker as when it was organised.
  const morePicked = ref<InviteeCandidate[]>([])
  const invitedKeys = computed(() => (activity.value?.invitations ?? []).map((i) => `${i.congress_id}:${i.deputy_ref}`))
  const invite = () =>
    act(async () => {
      const invitees = morePicked.value.map((c) => ({
        congress: c.congress_id,
        deputy: c.deputy_id,
      }))
      const updated = await inviteMore(id.value, invitees)
      morePicked.value = []
      return updated
    })

  async function upload(file: File) {
    await act(async () => {
      const stored = await uploadFile(file)
      const updated = await addPhoto(id.value, stored.id, caption.value)
      caption.value = ''
      return updated
    })
  }

  async function download(fileId: number) {
    await opening.run(async () => {
      const { url } = await fileUrl(fileId)
      window.open(url, '_blank', 'noopener')
    })
  }

  return {
    id,
    activity,
    error,
    action,
    actionError,
    busy,
    minutes,
    outcomes,
    validMinutes,
    cancelReason,
    caption,
    startSignIn,
    saveRecord,
    cancel,
    morePicked,
    invitedKeys,
    invite,
    upload,
    download,
    load,
  }
}
