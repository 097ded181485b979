import { ElMessage } from 'element-plus'
import { computed, reactive, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
import {
  addProposal,
  candidateFromProposal,
  listGovernance,
  listProposals,
  mergeProposal,
  recordGovernanceWithMinutes,
  reserveProposal,
  publishCall,
  screenProposal,
  type Call,
  type Candidate,
  type Cycle,
  type Exclusion,
  type Governance,
  type GovernanceKind,
  type Proposal,
  type ProposalSource,
} from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { useResources } from '@/composables/useResource'

import { allowedIn } from '../voting'

/** The phases in which each thing is done on the desk. */
const DESK_PHASES = {
  screen: ['shortlist'],
  candidate: ['shortlist'],
  merge: ['solicit', 'shortlist'],
  reserve: ['solicit', 'shortlist'],
  governance: ['shortlist', 'deliberate'],
  call: ['solicit'],
  register: ['solicit'],
} as const

/** What the phase allows on the desk (tenants/voting/phases.py). */
export const deskActions = (phase: string | null | undefined) => allowedIn(DESK_PHASES, phase)

export function useProposalDesk(
  cycleId: Ref<number>,
  cycle: Ref<Cycle | null>,
  candidates: Ref<Candidate[]>,
  reload: () => Promise<void>,
) {
  const { t } = useI18n()
  const {
    parts: { proposals, governance },
    error: deskError,
    load,
  } = useResources(
    { proposals: () => listProposals(cycleId.value), governance: () => listGovernance(cycleId.value) },
    { proposals: [] as Proposal[], governance: [] as Governance[] },
  )
  const rowAction = useAction(errorMessage, { error: deskError })
  const busy = ref<number | null>(null)
  const allowed = computed(() => deskActions(cycle.value?.phase))

  const rejecting = ref<Proposal | null>(null)
  const reject = reactive<{ reason: string; exclusion: Exclusion | '' }>({
    reason: '',
    exclusion: '',
  })
  const rejectAction = useAction()
  const rejectError = rejectAction.error
  const merging = ref<Proposal | null>(null)
  const mergeInto = ref<number | null>(null)
  const mergeAction = useAction()
  const mergeError = mergeAction.error

  const record = reactive<{ kind: GovernanceKind; held_on: string; summary: string }>({
    kind: 'party_review',
    held_on: '',
    summary: '',
  })
  const minutes = ref<File | null>(null)
  const recordAction = useAction()

  /** The call published from this page; the cycle's `has_call` says whether one is out at all. */
  const call = ref<Call | null>(null)
  const hasCall = computed(() => !!call.value || !!cycle.value?.has_call)
  const callForm = reactive({ title: '', body: '', opens_on: '', closes_on: '' })
  const callAction = useAction()

  const blankProposal = () => ({
    origin: 'deputy' as ProposalSource,
    title: '',
    category: '',
    description: '',
    location: '',
    estimated_cost: '',
    submitter_name: '',
    submitter_phone: '',
  })
  const proposalForm = reactive(blankProposal())
  const proposalAction = useAction()

  /** A shortlisted proposal already on the candidate list (matched by name). */
  const isCandidate = (proposal: Proposal) => candidates.value.some((c) => c.name === proposal.title.trim())
  const mergeTargets = computed(() =>
    proposals.value.filter((p) => p.id !== merging.value?.id && p.status !== 'merged'),
  )

  /** Refuses a form left incomplete before calling the API, with the action's own message. */
  function incomplete(action: ReturnType<typeof useAction>, message: string) {
    action.error.value = message
    action.fields.value = {}
    return false
  }

  async function submitCall() {
    if (!callForm.title.trim() || !callForm.body.trim() || !callForm.opens_on || !callForm.closes_on) {
      return incomplete(callAction, t('voting.call.incomplete'))
    }
    return callAction.run(async () => {
      call.value = await publishCall(cycleId.value, {
        title: callForm.title.trim(),
        body: callForm.body.trim(),
        opens_on: callForm.opens_on,
        closes_on: callForm.closes_on,
      })
      Object.assign(callForm, { title: '', body: '', opens_on: '', closes_on: '' })
      ElMessage.success(t('voting.call.published'))
      await reload()
    })
  }

  async function submitProposal() {
    const f = proposalForm
    if (!f.title.trim() || !f.category.trim() || !f.description.trim() || !f.submitter_name.trim()) {
      return incomplete(proposalAction, t('voting.register.incomplete'))
    }
    return proposalAction.run(async () => {
      await addProposal(cycleId.value, {
        origin: f.origin,
        title: f.title.trim(),
        category: f.category.trim(),
        description: f.description.trim(),
        location: f.location.trim(),
        estimated_cost: f.estimated_cost.trim() || null,
        submitter_name: f.submitter_name.trim(),
        submitter_phone: f.submitter_phone.trim(),
      })
      Object.assign(proposalForm, blankProposal())
      ElMessage.success(t('voting.register.added'))
      await Promise.all([load(), reload()])
    })
  }

  async function act(proposal: Proposal, action: () => Promise<unknown>, done: string) {
    busy.value = proposal.id
    const ok = await rowAction.run(async () => {
      await action()
      ElMessage.success(done)
      await Promise.all([load(), reload()])
    })
    busy.value = null
    return ok
  }

  const accept = (p: Proposal) => act(p, () => screenProposal(p.id, { accept: true }), t('voting.desk.accepted'))
  const toReserve = (p: Proposal) => act(p, () => reserveProposal(p.id), t('voting.desk.reserved'))
  const toCandidate = (p: Proposal) => act(p, () => candidateFromProposal(p.id), t('voting.desk.madeCandidate'))

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
    await rejectAction.run(async () => {
      await screenProposal(p.id, {
        accept: false,
        reason: reject.reason.trim(),
        exclusion: reject.exclusion,
      })
      rejecting.value = null
      ElMessage.success(t('voting.desk.rejected'))
      await Promise.all([load(), reload()])
    })
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
    const into = mergeInto.value
    await mergeAction.run(async () => {
      await mergeProposal(p.id, into)
      merging.value = null
      ElMessage.success(t('voting.desk.merged'))
      await Promise.all([load(), reload()])
    })
  }

  async function submitRecord() {
    const file = minutes.value
    if (!record.held_on || !record.summary.trim() || !file) {
      return incomplete(recordAction, t('voting.governance.incomplete'))
    }
    return recordAction.run(async () => {
      await recordGovernanceWithMinutes(
        cycleId.value,
        { kind: record.kind, held_on: record.held_on, summary: record.summary.trim() },
        file,
      )
      Object.assign(record, { held_on: '', summary: '' })
      minutes.value = null
      ElMessage.success(t('voting.governance.recorded'))
      await Promise.all([load(), reload()])
    })
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
    recordAction,
    isCandidate,
    call,
    hasCall,
    callForm,
    callAction,
    submitCall,
    proposalForm,
    proposalAction,
    submitProposal,
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
