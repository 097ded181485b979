import { ElMessage } from 'element-plus'
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'

import { errorMessage } from '@/api/http'
import { useAction } from '@/composables/useAction'
import { partsOf, useResource } from '@/composables/useResource'
import {
  announceRound,
  closeNominations,
  decideRound,
  getRanking,
  getResult,
  getRound,
  getScoreSheet,
  listNominations,
  listObjections,
  nominate,
  openRound,
  recordObjection,
  recordScores,
  resolveObjection,
  startPublicity,
  uploadAttachment,
  withdrawNomination,
  type Attachment,
  type Nomination,
  type Objection,
  type RankingRow,
  type Round,
  type RoundResult,
  type ScoreSheet,
  nomineeOptions,
  type NomineeOption,
} from '@/api/supervision'
import { isoDaysAhead } from '@/utils/dates'

export function useBenchmarkRound() {
  const { t } = useI18n()
  const route = useRoute()
  const id = Number(route.params.id)
  const page = useResource(
    async () => {
      const round = await getRound(id)
      const nominations = await listNominations(id)
      const reviewed = ['reviewing', 'decided', 'publicity', 'announced'].includes(round.state)
      const ranking = round.is_issuer && reviewed ? await getRanking(id) : []
      const visible = round.state === 'publicity' || round.state === 'announced'
      const result = visible ? await getResult(id) : null
      const objections = round.is_issuer && visible ? await listObjections(id) : []
      return { round, nominations, ranking, result, objections }
    },
    {
      round: null as Round | null,
      nominations: [] as Nomination[],
      ranking: [] as RankingRow[],
      result: null as RoundResult | null,
      objections: [] as Objection[],
    },
  )
  const { loading, error, load } = page
  const { round, nominations, ranking, result, objections } = partsOf(page.data)
  const write = useAction()
  const { busy, error: actionError } = write
  const searching = useAction(errorMessage, { error: actionError })
  const opening = useAction(errorMessage, { error: actionError })

  const can = (action: string) => !!round.value?.actions.includes(action)
  const isIssuer = computed(() => !!round.value?.is_issuer)

  const act = (call: () => Promise<unknown>, after: () => Promise<unknown> = load) =>
    write.run(async () => {
      await call()
      ElMessage.success(t('supervision.benchmarks.saved'))
      await after()
    })

  // Nomination form (a congress below the organiser).
  const nomination = reactive({
    nominee_ref: undefined as number | undefined,
    statement: '',
    declarations: {} as Record<string, boolean | undefined>,
    attachments: [] as Attachment[],
  })
  async function addNominationFile(file: File) {
    await act(
      async () => nomination.attachments.push(await uploadAttachment(file)),
      async () => {},
    )
    return false
  }
  // The nominee is a record of this congress: its stations, its deputies (by the directory,
  // no contact data) or its closed cases, searched as the staff type.
  const options = ref<NomineeOption[]>([])
  async function searchNominees(search = '') {
    await searching.run(async () => (options.value = await nomineeOptions(id, search)))
  }

  async function submitNomination() {
    const declarations: Record<string, boolean> = {}
    for (const [code, answer] of Object.entries(nomination.declarations)) {
      if (answer !== undefined) declarations[code] = answer
    }
    const ok = await act(() =>
      nominate(id, {
        nominee_ref: nomination.nominee_ref ?? 0,
        statement: nomination.statement,
        declarations,
        attachment_ids: nomination.attachments.map((a) => a.id),
      }),
    )
    if (ok) {
      Object.assign(nomination, { nominee_ref: undefined, statement: '' })
      nomination.declarations = {}
      nomination.attachments = []
    }
  }

  // Scoring (the organiser's staff).
  const sheet = ref<ScoreSheet | null>(null)
  const sheetValues = reactive<Record<string, number | undefined>>({})
  async function openSheet(nominationId: number) {
    await opening.run(async () => {
      const found = await getScoreSheet(nominationId)
      sheet.value = found
      for (const key of Object.keys(sheetValues)) delete sheetValues[key]
      for (const line of found.lines) {
        const value = line.my_score ?? line.prefill
        sheetValues[String(line.criterion_id)] = value === null ? undefined : Number(value)
      }
    })
  }
  async function saveSheet() {
    if (!sheet.value) return
    const values: Record<string, string> = {}
    for (const [key, value] of Object.entries(sheetValues)) {
      if (value !== undefined && value !== null) values[key] = String(value)
    }
    const nominationId = sheet.value.nomination.id
    if (await act(() => recordScores(nominationId, values))) sheet.value = null
  }

  // Decision, 公示, objections, announcement.
  const selected = ref<number[]>([])
  const note = ref('')
  const notice = reactive({ starts_on: isoDaysAhead(), ends_on: isoDaysAhead(5) })
  const objection = reactive({ nomination_id: 0, summary: '', received_on: isoDaysAhead() })
  const resolution = reactive({ id: 0, upheld: false, text: '' })

  return {
    id,
    round,
    nominations,
    ranking,
    result,
    objections,
    loading,
    busy,
    error,
    actionError,
    isIssuer,
    can,
    load,
    open: () => act(() => openRound(id)),
    close: () => act(() => closeNominations(id)),
    nomination,
    options,
    searching: searching.busy,
    searchNominees,
    addNominationFile,
    submitNomination,
    withdraw: (nominationId: number) => act(() => withdrawNomination(nominationId)),
    sheet,
    sheetValues,
    openSheet,
    saveSheet,
    selected,
    note,
    decide: () => act(() => decideRound(id, selected.value, note.value)),
    notice,
    publicize: () => act(() => startPublicity(id, notice.starts_on, notice.ends_on)),
    objection,
    addObjection: () => act(() => recordObjection(id, { ...objection })),
    resolution,
    resolve: () => act(() => resolveObjection(resolution.id, resolution.upheld, resolution.text)),
    announce: () => act(() => announceRound(id)),
  }
}
