import { computed, reactive, ref } from 'vue'

import { createStation, listStations, type Station, type StationIn } from '@/api/stations'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'
import { useSessionStore } from '@/stores/session'

function blank(): StationIn {
  return {
    name: '',
    tier: 'station',
    parent: null,
    address: '',
    opening_hours: '',
    phone: '',
    introduction: '',
  }
}

/** The stations of this congress, and the form that adds one (staff). */
export function useStationList() {
  const session = useSessionStore()
  const isStaff = computed(() => session.roles.includes('staff'))
  const { data: stations, loading, error, load } = useResource<Station[]>(listStations, [])
  const creating = ref(false)
  const saveAction = useAction()
  const { busy: saving, error: formError } = saveAction
  const form = reactive<StationIn>(blank())

  function openCreate() {
    Object.assign(form, blank())
    formError.value = ''
    creating.value = true
  }

  async function create(): Promise<number | null> {
    let created: number | null = null
    await saveAction.run(async () => {
      created = (await createStation({ ...form })).id
      creating.value = false
      await load()
    })
    return created
  }

  return {
    stations,
    loading,
    error,
    isStaff,
    creating,
    saving,
    formError,
    form,
    openCreate,
    create,
    load,
  }
}
