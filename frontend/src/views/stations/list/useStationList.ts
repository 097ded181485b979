import { computed, onMounted, reactive, ref } from 'vue'

import { errorMessage } from '@/api/http'
import { createStation, listStations, type Station, type StationIn } from '@/api/stations'
import { useSessionStore } from '@/stores/session'

function blank(): StationIn {
  return { name: '', tier: 'station', parent: null, address: '', opening_hours: '', phone: '' }
}

/** The stations of this congress, and the form that adds one (staff). */
export function useStationList() {
  const session = useSessionStore()
  const isStaff = computed(() => session.roles.includes('staff'))
  const stations = ref<Station[]>([])
  const loading = ref(false)
  const error = ref('')
  const creating = ref(false)
  const saving = ref(false)
  const formError = ref('')
  const form = reactive<StationIn>(blank())

  async function load() {
    loading.value = true
    error.value = ''
    try {
      stations.value = await listStations()
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  function openCreate() {
    Object.assign(form, blank())
    formError.value = ''
    creating.value = true
  }

  async function create(): Promise<number | null> {
    saving.value = true
    formError.value = ''
    try {
      const station = await createStation({ ...form })
      creating.value = false
      await load()
      return station.id
    } catch (failure) {
      formError.value = errorMessage(failure)
      return null
    } finally {
      saving.value = false
    }
  }

  onMounted(load)
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
