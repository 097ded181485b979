import { onMounted, reactive, ref } from 'vue'

import {
  addEntry,
  decideObjection,
  getRules,
  listObjections,
  listPublications,
  listScores,
  publish,
  setRules,
  type DutyRules,
  type DutyEntryIn,
  type DutyScore,
  type Objection,
  type Publication,
} from '@/api/duty'
import { useAction } from '@/composables/useAction'

export function useDuty() {
  const today = new Date()
  const year = ref(today.getFullYear())
  const quarter = ref(Math.floor(today.getMonth() / 3) + 1)
  const scores = ref<DutyScore[]>([])
  const publications = ref<Publication[]>([])
  const objections = ref<Objection[]>([])
  const rules = ref<DutyRules | null>(null)
  const notes = reactive<Record<number, string>>({})
  const { error, notice: message, run } = useAction()
  const entry = reactive<DutyEntryIn>({
    deputy: 0,
    kind: 'suggestion',
    source_ref: '',
    occurred_on: '',
    title: '',
  })

  const loadScores = () =>
    run(async () => {
      scores.value = await listScores(year.value, quarter.value)
    })

  async function load() {
    await run(async () => {
      const [p, o, r] = await Promise.all([listPublications(), listObjections(), getRules()])
      publications.value = p
      objections.value = o
      rules.value = r
    })
    await loadScores()
  }

  const publishQuarter = (done: string) =>
    run(async () => {
      await publish(year.value, quarter.value)
      publications.value = await listPublications()
    }, done)

  const decide = (item: Objection, uphold: boolean, done: string) =>
    run(async () => {
      await decideObjection(item.id, uphold, notes[item.id] ?? '')
      objections.value = await listObjections()
      await loadScores()
    }, done)

  const saveRules = (done: string) =>
    run(async () => {
      if (rules.value) rules.value = await setRules(rules.value)
      await loadScores()
    }, done)

  const recordEntry = (done: string) =>
    run(async () => {
      await addEntry({ ...entry })
      await loadScores()
    }, done)

  onMounted(load)
  return {
    year,
    quarter,
    scores,
    publications,
    objections,
    rules,
    notes,
    error,
    message,
    entry,
    loadScores,
    publishQuarter,
    decide,
    saveRules,
    recordEntry,
  }
}
