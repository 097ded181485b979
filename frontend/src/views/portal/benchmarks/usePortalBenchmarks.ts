import { onMounted, reactive, ref } from 'vue'

import { errorMessage } from '@/api/http'
import { listPublicBenchmarks, objectPublicly, type PublicRound } from '@/api/supervision'
import { useAction } from '@/composables/useAction'

/** The congress's benchmark lists: those on public notice (公示), which take objections from
 * the public, and those announced. */
export function usePortalBenchmarks() {
  const rounds = ref<PublicRound[]>([])
  const loading = ref(false)
  const error = ref('')
  const objecting = ref<{ roundId: number; nominationId: number; name: string } | null>(null)
  const form = reactive({ summary: '', name: '', contact: '' })
  const send = useAction()
  const received = ref('')

  async function load() {
    loading.value = true
    try {
      rounds.value = await listPublicBenchmarks()
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  function object(roundId: number, nominationId: number, name: string) {
    objecting.value = { roundId, nominationId, name }
    Object.assign(form, { summary: '', name: '', contact: '' })
    send.error.value = ''
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

  onMounted(load)
  return {
    rounds,
    loading,
    error,
    objecting,
    form,
    submit,
    object,
    received,
    busy: send.busy,
    formError: send.error,
  }
}
