import { computed, onMounted, reactive, ref } from 'vue'

import { listDeputies, listDirectory, type Listing } from '@/api/deputies'
import { errorMessage } from '@/api/http'
import {
  addResident,
  cancelReception,
  holdReception,
  endResident,
  getAssessment,
  getStation,
  listStations,
  publishReception,
  scheduleReception,
  selfAssess,
  setStaff,
  stationQrUrl,
  updateStation,
  type Assessment,
  type ReceptionIn,
  type StaffMember,
  type Station,
  type StationDetail,
  type StationIn,
} from '@/api/stations'
import type { Deputy } from '@/api/types'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'
import { useSessionStore } from '@/stores/session'

/** One station's console: staff, residents (ours and from the directory), rota, assessment. */
export function useStationDetail(stationId: number) {
  const session = useSessionStore()
  const isStaff = computed(() => session.roles.includes('staff'))
  const {
    data: station,
    loading,
    error,
    load,
  } = useResource<StationDetail | null>(() => getStation(stationId), null, {
    immediate: false,
  })
  /** A write whose failure shows where the page's load errors show, and `done` once it worked. */
  const { busy, notice, run } = useAction(errorMessage, { error })

  // The station's own fields: name, tier, parent, address, opening hours, phone, introduction.
  const fieldsDraft = reactive<StationIn>({ name: '', tier: 'station', address: '' })
  const parents = ref<Station[]>([])
  async function editFields() {
    const now = station.value
    if (!now) return
    error.value = ''
    Object.assign(fieldsDraft, {
      name: now.name,
      tier: now.tier,
      parent: now.parent ?? null,
      address: now.address,
      opening_hours: now.opening_hours ?? '',
      phone: now.phone ?? '',
      introduction: now.introduction ?? '',
    })
    parents.value = (await listStations()).filter((s) => s.id !== stationId)
  }
  const saveFields = () =>
    run(async () => {
      station.value = await updateStation(stationId, { ...fieldsDraft })
    })

  // Staff of the station (站长, 副站长, 联络员).
  const staffDraft = ref<StaffMember[]>([])
  function editStaff() {
    staffDraft.value = (station.value?.staff ?? []).map((m) => ({ ...m }))
  }
  const saveStaff = () =>
    run(async () => {
      station.value = await setStaff(stationId, staffDraft.value)
    })

  // Residents: a deputy of our roster, or a higher-level one from the directory.
  const roster = ref<Deputy[]>([])
  const directory = ref<Listing[]>([])
  const directorySearch = ref('')
  async function loadChoices() {
    const [ours, listed] = await Promise.all([
      listDeputies({ page_size: 200 }),
      listDirectory({
        page_size: 50,
        search: directorySearch.value,
        level: 'national,provincial,city,county',
      }),
    ])
    roster.value = ours.results.filter((d) => d.status === 'serving')
    directory.value = listed.results.filter((l) => l.congress !== session.congress?.id)
  }
  const stationLocal = (deputy: number) =>
    run(async () => {
      await addResident(stationId, { deputy })
      await load()
    })
  const stationListed = (listing: number) =>
    run(async () => {
      await addResident(stationId, { listing })
      await load()
    })
  const unstation = (residentId: number) =>
    run(async () => {
      await endResident(residentId)
      await load()
    })

  // The rota (接待日).
  const reception = reactive<ReceptionIn>({
    date: '',
    starts_at: '09:00',
    ends_at: '11:00',
    topic: '',
    on_duty: [],
  })
  const schedule = () =>
    run(async () => {
      await scheduleReception(stationId, { ...reception })
      Object.assign(reception, { date: '', topic: '', on_duty: [] })
      await load()
    })
  const publish = (receptionId: number) =>
    run(async () => {
      await publishReception(receptionId)
      await load()
    })
  // 已接待: each deputy who received earns a 接待选民 entry in their own record.
  const hold = (receptionId: number) =>
    run(async () => {
      await holdReception(receptionId)
      await load()
    })
  const cancel = (receptionId: number) =>
    run(async () => {
      await cancelReception(receptionId)
      await load()
    })

  // The year's standardisation assessment.
  const year = ref(new Date().getFullYear())
  const assessment = ref<Assessment | null>(null)
  const selfScores = ref<Record<number, number>>({})
  async function loadAssessment() {
    assessment.value = await getAssessment(stationId, year.value)
    selfScores.value = Object.fromEntries(assessment.value.scores.map((s) => [s.item, s.self_score ?? 0]))
  }
  const asScores = (scores: Record<number, number>) =>
    Object.entries(scores).map(([item, score]) => ({ item: Number(item), score }))
  const submitSelf = () =>
    run(async () => {
      assessment.value = await selfAssess(stationId, year.value, asScores(selfScores.value))
    })

  onMounted(async () => {
    await load()
    await loadAssessment().catch((failure) => (error.value = errorMessage(failure)))
  })

  return {
    station,
    loading,
    error,
    notice,
    busy,
    isStaff,
    load,
    qrUrl: stationQrUrl(stationId),
    fieldsDraft,
    parents,
    editFields,
    saveFields,
    staffDraft,
    editStaff,
    saveStaff,
    roster,
    directory,
    directorySearch,
    loadChoices,
    stationLocal,
    stationListed,
    unstation,
    reception,
    schedule,
    publish,
    hold,
    cancel,
    year,
    assessment,
    selfScores,
    loadAssessment,
    submitSelf,
  }
}
