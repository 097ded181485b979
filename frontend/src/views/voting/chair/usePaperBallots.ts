import { ElMessage } from 'element-plus'
import { onMounted, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { listDeputies } from '@/api/deputies'
import { errorMessage } from '@/api/http'
import type { Deputy } from '@/api/types'
import { issuePaperBallot, tallyState, type Tally } from '@/api/voting'

/** Channels in which a round takes paper ballots (tenants/voting/paper.py PAPER_CHANNELS). */
export const PAPER_CHANNELS = new Set(['paper', 'hybrid'])

/** 发票 and the tellers' count: staff issue a ballot to a signed-in deputy, then watch the
 * tellers' entries (two, agreeing) that the round needs before it can close. */
export function usePaperBallots(roundId: Ref<number>) {
  const { t } = useI18n()
  const deputies = ref<Deputy[]>([])
  const deputyId = ref<number | null>(null)
  const tally = ref<Tally | null>(null)
  const error = ref('')
  const issuing = ref(false)

  async function refresh() {
    try {
      tally.value = await tallyState(roundId.value)
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
  return { deputies, deputyId, tally, error, issuing, issue, refresh }
}
