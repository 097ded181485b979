import { computed, onMounted, reactive, ref, watch } from 'vue'
import { useRouter } from 'vue-router'

import { errorMessage } from '@/api/http'
import {
  listOpinions,
  receiveOpinion,
  type OpinionCategory,
  type OpinionFilters,
  type OpinionRow,
} from '@/api/opinions'
import { getStation, listStations, type Resident, type Station } from '@/api/stations'
import type { Deputy } from '@/api/types'
import { listDeputies } from '@/api/deputies'
import { useAction } from '@/composables/useAction'
import { usePagedList } from '@/composables/usePagedList'
import { useSessionStore } from '@/stores/session'

export function emptyReception() {
  return {
    content: '',
    citizen_name: '',
    citizen_phone: '',
    category: '' as OpinionCategory | '',
    deputy_id: null as number | null,
    station_id: null as number | null,
    /** A deputy of another congress stationed at the chosen station (docs/linkage-duty.md). */
    listing_id: null as number | null,
  }
}

export function useOpinionConsole() {
  const session = useSessionStore()
  const router = useRouter()
  const isStaff = computed(() => session.roles.includes('staff'))
  const filters = reactive<Required<OpinionFilters>>({
    status: '',
    category: '',
    overdue: false,
    escalated: false,
    q: '',
  })
  const list = usePagedList<OpinionRow>(
    (query) =>
      listOpinions({
        ...query,
        status: filters.status,
        category: filters.category,
        overdue: filters.overdue || undefined,
        escalated: filters.escalated || undefined,
        q: filters.q.trim(),
      }),
    20,
  )

  const dialogOpen = ref(false)
  const form = reactive(emptyReception())
  const reception = useAction()
  const { error: formError, fields } = reception
  /** The reception form's choices, whose failure shows in the form. */
  const choices = useAction(errorMessage, { error: formError })
  const stations = ref<Station[]>([])
  const deputies = ref<Deputy[]>([])
  const guests = ref<Resident[]>([])

  /** The posted deputies of the chosen station: only they may be named from another congress. */
  watch(
    () => form.station_id,
    async (stationId) => {
      form.listing_id = null
      guests.value = []
      if (stationId == null) return
      await choices.run(async () => {
        const station = await getStation(stationId)
        if (form.station_id === stationId) {
          guests.value = station.residents.filter((r) => r.is_guest && r.listing_id != null)
        }
      })
    },
  )

  /** The stations and deputies to name in a reception record, fetched once. */
  async function loadChoices() {
    if (stations.value.length || deputies.value.length) return
    await choices.run(async () => {
      const [found, roster] = await Promise.all([listStations(), listDeputies({ page_size: 200 })])
      stations.value = found
      deputies.value = roster.results
    })
  }

  function openReception() {
    Object.assign(form, emptyReception())
    reception.reset()
    dialogOpen.value = true
    void loadChoices()
  }

  async function saveReception() {
    await reception.run(async () => {
      const created = await receiveOpinion({
        content: form.content.trim(),
        citizen_name: form.citizen_name.trim(),
        citizen_phone: form.citizen_phone.trim(),
        category: form.category,
        deputy_id: form.deputy_id,
        station_id: form.station_id,
        listing_id: form.listing_id,
      })
      dialogOpen.value = false
      await router.push({ name: 'opinions-detail', params: { id: created.id } })
    })
  }

  const search = () => list.load(1)
  onMounted(() => list.load(1))
  return {
    ...list,
    isStaff,
    filters,
    search,
    dialogOpen,
    form,
    stations,
    deputies,
    guests,
    reception,
    fields,
    openReception,
    saveReception,
  }
}
