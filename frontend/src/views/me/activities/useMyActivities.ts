import { ref } from 'vue'

import { myActivities, respond, type MyInvitation } from '@/api/activities'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

export function useMyActivities() {
  const { data: invitations, loading, error, load } = useResource(myActivities, [] as MyInvitation[])
  const answering = useAction()
  const leaveFor = ref<number | null>(null)
  const leaveReason = ref('')

  async function answer(invitation: MyInvitation, accept: boolean) {
    await answering.run(async () => {
      const updated = await respond(invitation.id, accept, accept ? '' : leaveReason.value)
      invitations.value = invitations.value.map((i) => (i.id === updated.id ? updated : i))
      leaveFor.value = null
      leaveReason.value = ''
    })
  }

  return { invitations, loading, error, actionError: answering.error, leaveFor, leaveReason, answer, load }
}
