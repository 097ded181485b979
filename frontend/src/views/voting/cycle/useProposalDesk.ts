import { ElMessage } from 'element-plus'
import { computed, reactive, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
import { uploadFile } from '@/api/files'
import {
  candidateFromProposal,
  listGovernance,
  listProposals,
  mergeProposal,
  recordGovernance,
  reserveProposal,
  screenProposal,
  type Candidate,
  type Cycle,
  type Exclusion,
  type Governance,
  type GovernanceKind,
  type Proposal,
} from '@/api/voting'

/** What the phase allows on the desk (tenants/voting/phases.py). */
export function deskActions(phase: string | null | undefined) {
  return {
    screen: phase === 'shortlist',
    candidate: phase === 'shortlist',
    merge: phase === 'solicit' || phase === 'shortlist',
    reserve: phase === 'solicit' || phase === 'shortlist',
    governance: phase === 'shortlist' || phase === 'deliberate',
  }
}

export function useProposalDesk(
  cycleId: Ref<number>,
  cycle: Ref<Cycle | null>,
  candidates: Ref<Candidate[]>,
  reload: () => Promise<void>,
) {
  const { t } = useI18n()
  const proposals = ref<Proposal[]>([])
  const governance = ref<Governance[]>([])
  const deskError = ref('')
  const busy = ref<number | null>(null)
  const allowed = computed(() => deskActions(cycle.value?.phase))

  const rejecting = ref<Proposal | null>(null)
  const reject = reactive<{ reason: string; exclusion: Exclusion | '' }>({
    reason: '',
    exclusion: '',
  })
  const rejectError = ref('')
  const merging = ref<Proposal | null>(null)
  const mergeInto = ref<number | null>(null)
  const mergeError = ref('')

  const record = reactive<{ kind: GovernanceKind; held_on: string; summary: string }>({
    kind: 'party_review',
    held_on: '',
    summary: '',
  })
  const minutes = ref<File | null>(null)
  const recordError = ref('')
  const recording = ref(false)

  /** A shortlisted proposal already on the candidate list (matched by name). */
  const isCandidate = (proposal: Proposal) =>
    candidates.value.some((c) => c.name === proposal.title.trim())
  const mergeTargets = computed(() =>
    proposals.value.filter((p) => p.id !== merging.value?.id && p.status !== 'merged'),
  )

  async function load() {
    try {
      const [list, steps] = await Promise.all([
        listProposals(cycleId.value),
        listGovernance(cycleId.value),
      ])
      proposals.value = list
      governance.value = steps
    } catch (failure) {
      deskError.value = errorMessage(failure)
    }
  }

  async function act(proposal: Proposal, action: () => Promise<unknown>, done: string) {
    busy.value = proposal.id
    deskError.value = ''
    try {
      await action()
      ElMessage.success(done)
      await Promise.all([load(), reload()])
      return true
    } catch (failure) {
      deskError.value = errorMessage(failure)
      return false
    } finally {
      busy.value = null
    }
  }

  const accept = (p: Proposal) =>
    act(p, () => screenProposal(p.id, { accept: true }), t('voting.desk.accepted'))
  const toReserve = (p: Proposal) => act(p, () => reserveProposal(p.id), t('voting.desk.reserved'))
  const toCandidate = (p: Proposal) =>
    act(p, () => candidateFromProposal(p.id), t('voting.desk.madeCandidate'))

  function startReject(p: Proposal) {
    rejecting.value = p
    Object.assign(reject, { reason: '', exclusion: '' })
    rejectError.value = ''
  }
  async function confirmReject() {
    const p = rejecting.value
    if (!p) return
    if (!reject.reason.trim()) {
      rejectError.value = t('voting.desk.reasonRequired')
      return
    }
    try {
      await screenProposal(p.id, {
        accept: false,
        reason: reject.reason.trim(),
        exclusion: reject.exclusion,
      })
      rejecting.value = null
      ElMessage.success(t('voting.desk.rejected'))
      await Promise.all([load(), reload()])
    } catch (failure) {
      rejectError.value = errorMessage(failure)
    }
  }

  function startMerge(p: Proposal) {
    merging.value = p
    mergeInto.value = null
    mergeError.value = ''
  }
  async function confirmMerge() {
    const p = merging.value
    if (!p || mergeInto.value === null) {
      mergeError.value = t('voting.desk.mergeTargetRequired')
      return
    }
    try {
      await mergeProposal(p.id, mergeInto.value)
      merging.value = null
      ElMessage.success(t('voting.desk.merged'))
      await Promise.all([load(), reload()])
    } catch (failure) {
      mergeError.value = errorMessage(failure)
    }
  }

  async function submitRecord() {
    recordError.value = ''
    if (!record.held_on || !record.summary.trim() || !minutes.value) {
      recordError.value = t('voting.governance.incomplete')
      return false
    }
    recording.value = true
    try {
      const stored = await uploadFile(minutes.value)
      await recordGovernance(cycleId.value, {
        kind: record.kind,
        held_on: record.held_on,
        summary: record.summary.trim(),
        minutes_file_id: stored.id,
      })
      Object.assign(record, { held_on: '', summary: '' })
      minutes.value = null
      ElMessage.success(t('voting.governance.recorded'))
      await Promise.all([load(), reload()])
      return true
    } catch (failure) {
      recordError.value = errorMessage(failure)
      return false
    } finally {
      recording.value = false
    }
  }

  return {
    proposals,
    governance,
    deskError,
    busy,
    allowed,
    rejecting,
    reject,
    rejectError,
    merging,
    mergeInto,
    mergeError,
    mergeTargets,
    record,
    minutes,
    recordError,
    recording,
    isCandidate,
    load,
    accept,
    toReserve,
    toCandidate,
    startReject,
    confirmReject,
    startMerge,
    confirmMerge,
    submitRecord,
  }
}
