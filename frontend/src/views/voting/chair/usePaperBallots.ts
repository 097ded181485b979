import { ElMessage } from 'element-plus'
import { onMounted, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { listDeputies } from '@/api/deputies'
import { errorMessage } from '@/api/http'
import type { Deputy } from '@/api/types'
import {
  issuePaperBallot,
  tallyAgreement,
  tallyState,
  type Candidate,
  type Tally,
  type TallyAgreement,
} from '@/api/voting'

/** Channels in which a round takes paper ballots (tenants/voting/paper.py PAPER_CHANNELS). */
export const PAPER_CHANNELS = new Set(['paper', 'hybrid'])

/** The names of the candidates two tellers' counts differ in, in ballot order. */
export function differingNames(
  candidates: readonly Candidate[],
  agreement: TallyAgreement | null,
): string[] {
  if (!agreement) return []
  const differ = new Set(agreement.differences)
  return candidates
    .filter((c) => differ.has(String(c.id)))
    .sort((a, b) => a.sequence - b.sequence)
    .map((c) => `${c.sequence}. ${c.name}`)
}

/** 发票 and the tellers' count: staff issue a ballot to a signed-in deputy, then watch the
 * tellers' entries (two, agreeing) that the round needs before it can close. Whether they agree,
 * and where not, is asked only once both have entered. */
export function usePaperBallots(roundId: Ref<number>) {
  const { t } = useI18n()
  const deputies = ref<Deputy[]>([])
  const deputyId = ref<number | null>(null)
  const tally = ref<Tally | null>(null)
  const agreement = ref<TallyAgreement | null>(null)
  const error = ref('')
  const issuing = ref(false)

  async function refresh() {
    try {
      tally.value = await tallyState(roundId.value)
      agreement.value = tally.value.complete ? await tallyAgreement(roundId.value) : null
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  async function load() {
    error.value = ''
    try {
      const [page] = await Promise.all([listDeputies({ page_size: 200 }), refresh()])
      deputies.value = page.results
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  async function issue() {
    if (deputyId.value === null) {
      error.value = t('voting.paper.deputyRequired')
      return
    }
    issuing.value = true
    error.value = ''
    try {
      await issuePaperBallot(roundId.value, deputyId.value)
      deputyId.value = null
      ElMessage.success(t('voting.paper.issued'))
      await refresh()
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      issuing.value = false
    }
  }

  onMounted(load)
  return { deputies, deputyId, tally, agreement, error, issuing, issue, refresh }
}
