import { reactive, ref } from 'vue'

import { listPublicBenchmarks, objectPublicly, type PublicRound } from '@/api/supervision'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

/** The congress's benchmark lists: those on public notice (公示), which take objections from
 * the public, and those announced. */
export function usePortalBenchmarks() {
  const { data: rounds, loading, error } = useResource(listPublicBenchmarks, [] as PublicRound[])
  const objecting = ref<{ roundId: number; nominationId: number; name: string } | null>(null)
  const form = reactive({ summary: '', name: '', contact: '' })
  const send = useAction()
  const received = ref('')

  function object(roundId: number, nominationId: number, name: string) {
    objecting.value = { roundId, nominationId, name }
    Object.assign(form, { summary: '', name: '', contact: '' })
    send.reset()
    received.value = ''
  }

  async function submit() {
    const target = objecting.value
    if (!target) return
    const ok = await send.run(async () => {
      const answer = await objectPublicly(target.roundId, {
        nomination_id: target.nominationId,
        summary: form.summary,
        name: form.name,
        contact: form.contact,
      })
      received.value = answer.received_on
    })
    if (ok) objecting.value = null
  }

  return {
    rounds,
    loading,
    error,
    objecting,
    form,
    submit,
    object,
    received,
    send,
  }
}
