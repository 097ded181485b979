import { onMounted, ref } from 'vue'

import { myActivities, respond, type MyInvitation } from '@/api/activities'
import { errorMessage } from '@/api/http'

export function useMyActivities() {
  const invitations = ref<MyInvitation[]>([])
  const loading = ref(false)
  const error = ref('')
  const actionError = ref('')
  const leaveFor = ref<number | null>(null)
  const leaveReason = ref('')

  async function load() {
    loading.value = true
    try {
      invitations.value = await myActivities()
      error.value = ''
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  async function answer(invitation: MyInvitation, accept: boolean) {
    actionError.value = ''
    try {
      const updated = await respond(invitation.id, accept, accept ? '' : leaveReason.value)
      invitations.value = invitations.value.map((i) => (i.id === updated.id ? updated : i))
      leaveFor.value = null
      leaveReason.value = ''
    } catch (failure) {
      actionError.value = errorMessage(failure)
    }
  }

  onMounted(load)
  return { invitations, loading, error, actionError, leaveFor, leaveReason, answer, load }
}
