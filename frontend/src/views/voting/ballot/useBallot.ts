import { computed, reactive, ref, watch } from 'vue'

import { errorMessage } from '@/api/http'
import { castBallot, signIn as signInApi, type BallotChoices, type Choice, type Round } from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { usePolling } from '@/composables/usePolling'
import { useSessionStore } from '@/stores/session'

import { useCycleRounds } from '../useCycleRounds'
import { useReceiptCheck } from '../useReceiptCheck'

/** The API does not say whether the caller signed in; this browser remembers that it did. */
function signedInKey(cycleId: number, userId: number | undefined): string {
  return `congress.voting.signedIn.${cycleId}.${userId ?? 0}`
}

/** The ballot to send, or null while some candidate has no choice (per-candidate form). */
export function ballotChoices(
  round: Round,
  perCandidate: Record<string, Choice | ''>,
  marked: number[],
): BallotChoices | null {
  if (round.ballot_form === 'choose_n') return marked.length <= round.seats ? [...marked] : null
  const out: Record<string, Choice> = {}
  for (const candidate of round.candidates) {
    const choice = perCandidate[String(candidate.id)]
    if (!choice) return null
    out[String(candidate.id)] = choice
  }
  return out
}

export function useBallot() {
  const session = useSessionStore()
  const cycleRounds = useCycleRounds()
  const { id, cycle, round, error } = cycleRounds
  const loaded = ref(false)
  const signAction = useAction()
  const actionError = signAction.error
  const submitAction = useAction(errorMessage, { error: actionError })
  const signedIn = ref(readSignedIn())
  const choices = reactive<Record<string, Choice | ''>>({})
  const marked = ref<number[]>([])
  /** Shown once, never stored: the receipt of the ballot just cast, with its round. */
  const receipt = ref<{ code: string; roundId: number } | null>(null)
  const receiptCheck = useReceiptCheck(() => receipt.value?.roundId ?? round.value?.id)

  const openRound = computed(() => (round.value?.state === 'open' ? round.value : null))
  const voted = computed(() => !!openRound.value?.i_voted || receipt.value?.roundId === openRound.value?.id)
  const unanswered = computed(() =>
    openRound.value && openRound.value.ballot_form !== 'choose_n'
      ? openRound.value.candidates.filter((c) => !choices[String(c.id)]).length
      : 0,
  )
  const ready = computed(() => !!openRound.value && !!ballotChoices(openRound.value, choices, marked.value))

  function readSignedIn(): boolean {
    try {
      return window.localStorage.getItem(signedInKey(id.value, session.user?.id)) === '1'
    } catch {
      return false
    }
  }

  watch(
    () => openRound.value?.id,
    (roundId, before) => {
      if (roundId === before) return
      for (const key of Object.keys(choices)) delete choices[key]
      for (const c of openRound.value?.candidates ?? []) choices[String(c.id)] = ''
      marked.value = []
    },
  )

  async function refresh() {
    await cycleRounds.refresh()
    loaded.value = true
  }

  async function signIn() {
    await signAction.run(async () => {
      cycle.value = await signInApi(id.value)
      signedIn.value = true
      try {
        window.localStorage.setItem(signedInKey(id.value, session.user?.id), '1')
      } catch {
        // private mode: remembered for this page only
      }
    })
  }

  async function submit() {
    const target = openRound.value
    if (!target) return
    const ballot = ballotChoices(target, choices, marked.value)
    if (!ballot) return
    await submitAction.run(async () => {
      const { receipt: code } = await castBallot(target.id, ballot)
      receipt.value = { code, roundId: target.id }
      await refresh()
    })
  }

  usePolling(refresh)
  return {
    id,
    cycle,
    round,
    openRound,
    loaded,
    error,
    actionError,
    signingIn: signAction.busy,
    signedIn,
    submitting: submitAction.busy,
    choices,
    marked,
    unanswered,
    ready,
    voted,
    receipt,
    receiptCheck,
    signIn,
    submit,
  }
}
