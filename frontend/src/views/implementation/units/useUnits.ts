import { ref } from 'vue'

import { createUnit, listUnits, type Unit } from '@/api/implementation'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

/** 承办单位: the units of this congress, and adding one (its accounts are granted elsewhere). */
export function useUnits() {
  const { data: units, loading, error, load } = useResource<Unit[]>(listUnits, [])
  const creating = ref(false)
  const name = ref('')
  const save = useAction()

  function startCreate() {
    name.value = ''
    save.error.value = ''
    save.fields.value = {}
    creating.value = true
  }

  async function submit(): Promise<boolean> {
    const ok = await save.run(async () => {
      await createUnit(name.value)
      await load()
    })
    if (ok) creating.value = false
    return ok
  }

  const nameError = () => save.fields.value.name?.join(' ') || undefined

  return { units, loading, error, creating, name, save, startCreate, submit, nameError }
}
