import { computed, reactive, ref } from 'vue'

import { createStation, listPostings, listStations, type Posting, type Station, type StationIn } from '@/api/stations'
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

/** A published reception day at the other congress's station with our deputy on duty. */
export interface PostedReception {
  date: string
  starts_at: string
  ends_at: string
}

export const postedReceptions = (posting: Posting) =>
  (Array.isArray(posting.receptions) ? posting.receptions : []) as PostedReception[]

/** The stations of this congress, and the form that adds one (staff); and our deputies posted
 * at other congresses' stations (staff see all of them, a deputy their own). */
export function useStationList() {
  const session = useSessionStore()
  const isStaff = computed(() => session.roles.includes('staff'))
  const { data: stations, loading, error, load } = useResource<Station[]>(listStations, [])
  const postings = useResource<Posting[]>(listPostings, [])
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
    postings: postings.data,
    postingsLoading: postings.loading,
    postingsError: postings.error,
    creating,
    saving,
    formError,
    form,
    openCreate,
    create,
    load,
  }
}
