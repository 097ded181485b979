import { ElMessage } from 'element-plus'
import { computed, onMounted, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

import {
  issuePaperBallot,
  paperIssueList,
  type PaperIssueEntry,
  tallyAgreement,
  tallyState,
  type Candidate,
  type Tally,
  type TallyAgreement,
} from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { partsOf, useResource } from '@/composables/useResource'

/** Channels in which a round takes paper ballots (tenants/voting/paper.py PAPER_CHANNELS). */
export const PAPER_CHANNELS = new Set(['paper', 'hybrid'])

/** The names of the candidates two tellers' counts differ in, in ballot order. */
export function differingNames(
  candidates: readonly Pick<Candidate, 'id' | 'sequence' | 'name'>[],
  agreement: TallyAgreement | null,
): string[] {
  if (!agreement) return []
  const differ = new Set(agreement.differences)
  return candidates
    .filter((c) => differ.has(String(c.id)))
    .sort((a, b) => a.sequence - b.sequence)
    .map((c) => `${c.sequence}. ${c.name}`)
}

/** The issue list in the order staff work through it: those who may take a ballot first (present,
 * not yet taken part), then those who took part, then the absent. */
export function issueOrder(entries: readonly PaperIssueEntry[]): PaperIssueEntry[] {
  const rank = (e: PaperIssueEntry) => (!e.present ? 2 : e.took_part ? 1 : 0)
  return [...entries].sort((a, b) => rank(a) - rank(b))
}

/** 发票 and the tellers' count: staff issue a ballot to a signed-in deputy, then watch the
 * tellers' entries (two, agreeing) that the round needs before it can close. Whether they agree,
 * and where not, is asked only once both have entered. */
export function usePaperBallots(roundId: Ref<number>, changed: () => void = () => {}) {
  const { t } = useI18n()
  const list = useResource<PaperIssueEntry[]>(async () => issueOrder(await paperIssueList(roundId.value)), [], {
    immediate: false,
  })
  const count = useResource(
    async () => {
      const tally = await tallyState(roundId.value)
      return { tally, agreement: tally.complete ? await tallyAgreement(roundId.value) : null }
    },
    { tally: null as Tally | null, agreement: null as TallyAgreement | null },
    { immediate: false, keepError: true },
  )
  const { tally, agreement } = partsOf(count.data)
  const issuingId = ref<number | null>(null)
  const issueAction = useAction()
  const error = computed(() => issueAction.error.value || list.error.value || count.error.value)

  /** Read the tellers' count again; a refusal of an earlier issue is no longer news. */
  function refresh() {
    issueAction.error.value = ''
    return count.load()
  }

  const load = () => Promise.all([list.load(), refresh()])

  async function issue(deputyId: number) {
    issuingId.value = deputyId
    await issueAction.run(async () => {
      await issuePaperBallot(roundId.value, deputyId)
      ElMessage.success(t('voting.paper.issued'))
      await load()
      changed()
    })
    issuingId.value = null
  }

  onMounted(load)
  return { deputies: list.data, issuingId, tally, agreement, error, issuing: issueAction.busy, issue, refresh }
}
