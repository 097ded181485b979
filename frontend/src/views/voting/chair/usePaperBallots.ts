import { ElMessage } from 'element-plus'
import { onMounted, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
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
  const deputies = ref<PaperIssueEntry[]>([])
  const issuingId = ref<number | null>(null)
  const tally = ref<Tally | null>(null)
  const agreement = ref<TallyAgreement | null>(null)
  const error = ref('')
  const issueAction = useAction(errorMessage, { error })

  async function refresh() {
    try {
      tally.value = await tallyState(roundId.value)
      agreement.value = tally.value.complete ? await tallyAgreement(roundId.value) : null
      error.value = ''
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  async function load() {
    error.value = ''
    try {
      const [list] = await Promise.all([paperIssueList(roundId.value), refresh()])
      deputies.value = issueOrder(list)
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

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
  return { deputies, issuingId, tally, agreement, error, issuing: issueAction.busy, issue, refresh }
}
