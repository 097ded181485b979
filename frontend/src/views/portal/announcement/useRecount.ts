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
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

/** The year's rounds with their published hashes, and the recount of a record: one fetched
 * from this site, or a file the reader saved earlier (checked against the hashes shown here). */
export function useRecount(year: Ref<number>) {
  const {
    data: rounds,
    error,
    load,
  } = useResource(() => getPublicRounds(year.value), [] as PublicRound[], {
    immediate: false,
    describe: portalError,
  })
  const results = ref<Record<string, Verification>>({})
  const checking = useAction(portalError, { error })

  /** Reads a record and checks it against the round's published hashes (none for a file). */
  function check(key: string, read: () => Promise<RoundRecord>, round?: PublicRound) {
    return checking.run(async () => {
      const record = await read()
      results.value = {
        ...results.value,
        [key]: await verifyRecord(record, {
          record_hash: round?.record_hash ?? '',
          commitment_hash: round?.commitment_hash ?? '',
        }),
      }
    })
  }

  async function recount(round: PublicRound) {
    await check(String(round.id), async () => (await getRoundRecord(round.id)) as RoundRecord, round)
  }

  async function recountFile(file: File) {
    await check('file', async () => {
      try {
        return JSON.parse(await file.text()) as RoundRecord
      } catch {
        return {}
      }
    })
  }

  watch(
    year,
    () => {
      rounds.value = []
      results.value = {}
      return load()
    },
    { immediate: true },
  )
  return { rounds, results, error, busy: checking.busy, recount, recountFile }
}
