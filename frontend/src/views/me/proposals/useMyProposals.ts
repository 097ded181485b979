import { reactive, ref } from 'vue'

import {
  getMyProposals,
  proposeMine,
  soliciting,
  type MyProposal,
  type MyProposalIn,
  type MyProposals,
} from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

function blank(): MyProposalIn {
  return { title: '', category: '', description: '', location: '', estimated_cost: null }
}

/** The deputy's own proposals in the year that takes proposals, and the form to add one. */
export function useMyProposals() {
  const cycleId = ref<number | null>(null)
  const mine = useResource<MyProposals | null>(async () => {
    const cycle = await soliciting()
    cycleId.value = cycle?.id ?? null
    return cycle ? getMyProposals(cycle.id) : null
  }, null)
  const form = reactive<MyProposalIn>(blank())
  const save = useAction()

  async function submit(): Promise<MyProposal | null> {
    const id = cycleId.value
    if (id === null) return null
    let made: MyProposal | null = null
    await save.run(async () => {
      made = await proposeMine(id, {
        ...form,
        estimated_cost: form.estimated_cost === '' ? null : form.estimated_cost,
      })
      Object.assign(form, blank())
      await mine.load()
    })
    return made
  }

  return {
    mine: mine.data,
    loading: mine.loading,
    loadError: mine.error,
    form,
    busy: save.busy,
    error: save.error,
    fields: save.fields,
    submit,
  }
}
