import { ref, watch, type Ref } from 'vue'

import {
  getPublicRounds,
  getRoundRecord,
  portalError,
  verifyRecord,
  type PublicRound,
  type RoundRecord,
  type Verification,
} from '@/api/portal'

/** The year's rounds with their published hashes, and the recount of a record: one fetched
 * from this site, or a file the reader saved earlier (checked against the hashes shown here). */
export function useRecount(year: Ref<number>) {
  const rounds = ref<PublicRound[]>([])
  const results = ref<Record<string, Verification>>({})
  const error = ref('')
  const busy = ref(false)

  async function load() {
    rounds.value = []
    results.value = {}
    error.value = ''
    try {
      rounds.value = await getPublicRounds(year.value)
    } catch (failure) {
      error.value = portalError(failure)
    }
  }

  async function check(key: string, record: RoundRecord, round?: PublicRound) {
    busy.value = true
    error.value = ''
    try {
      results.value = {
        ...results.value,
        [key]: await verifyRecord(record, {
          record_hash: round?.record_hash ?? '',
          commitment_hash: round?.commitment_hash ?? '',
        }),
      }
    } catch (failure) {
      error.value = portalError(failure)
    } finally {
      busy.value = false
    }
  }

  async function recount(round: PublicRound) {
    try {
      await check(String(round.id), (await getRoundRecord(round.id)) as RoundRecord, round)
    } catch (failure) {
      error.value = portalError(failure)
    }
  }

  async function recountFile(file: File) {
    let record: RoundRecord
    try {
      record = JSON.parse(await file.text()) as RoundRecord
    } catch {
      record = {}
    }
    await check('file', record)
  }

  watch(year, load, { immediate: true })
  return { rounds, results, error, busy, recount, recountFile }
}
