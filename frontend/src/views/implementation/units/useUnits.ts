import { ref } from 'vue'

import { createUnit, listUnitAccounts, listUnits, type Unit, type UnitAccount } from '@/api/implementation'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

/** 承办单位: the units of this congress, and adding one with its accounts (members the system
 * administrator gave the unit role). */
export function useUnits() {
  const { data: units, loading, error, load } = useResource<Unit[]>(listUnits, [])
  const accounts = useResource<UnitAccount[]>(listUnitAccounts, [], { immediate: false })
  const creating = ref(false)
  const name = ref('')
  const memberIds = ref<number[]>([])
  const save = useAction()

  function startCreate() {
    name.value = ''
    memberIds.value = []
    void accounts.load()
    save.error.value = ''
    save.fields.value = {}
    creating.value = true
  }

  async function submit(): Promise<boolean> {
    const ok = await save.run(async () => {
      await createUnit(name.value, memberIds.value)
      await load()
    })
    if (ok) creating.value = false
    return ok
  }

  const nameError = () => save.fields.value.name?.join(' ') || undefined
  const membersError = () => save.fields.value.member_ids?.join(' ') || undefined

  return {
    units,
    accounts: accounts.data,
    loading,
    error,
    creating,
    name,
    memberIds,
    save,
    startCreate,
    submit,
    nameError,
    membersError,
  }
}
