/** 民生实事项目票决: cycles, rules, candidates, sign-in, rounds, secret ballots and receipts. */
import { api } from './client'
import { uploadFile } from './files'
import { http } from './http'
import type { Schemas } from './types'

export type Cycle = Schemas['CycleOut']
export type CycleRules = Schemas['CycleRulesInRequest']
export type Candidate = Schemas['CandidateOut']
export type CandidateIn = Schemas['CandidateInRequest']
export type Round = Schemas['RoundOut']
export type RoundOpenIn = Schemas['RoundOpenInRequest']
export type Phase = Schemas['PhaseEnum']
export type BallotForm = Schemas['BallotFormEnum']
export type ThresholdBase = Schemas['ThresholdBaseEnum']
export type Shortfall = Schemas['ShortfallEnum']
export type RuleSet = Schemas['RuleSet']
export type Threshold = Schemas['Threshold']
export type Share = Schemas['Share']
export type ListKind = Schemas['ListKindEnum']
export type Comparison = Schemas['ComparisonEnum']
export type Channel = Schemas['ChannelEnum']
export type Choice = 'yes' | 'no' | 'abstain'

export const BALLOT_FORMS: readonly BallotForm[] = ['per_candidate', 'choose_n', 'ranked']
export const LIST_KINDS: readonly ListKind[] = ['competitive', 'equal']
export const COMPARISONS: readonly Comparison[] = ['more_than', 'at_least']
export const THRESHOLD_BASES: readonly ThresholdBase[] = ['entitled', 'present', 'valid']
export const SHORTFALLS: readonly Shortfall[] = ['accept_fewer', 'new_round']
export const CHANNELS: readonly Channel[] = ['electronic', 'paper', 'device', 'hybrid']
export const CHOICES: readonly Choice[] = ['yes', 'no', 'abstain']

/** Per candidate: {candidate id: choice}; choose N: the marked candidate ids; the year-end
 * evaluation: {candidate id: mark}. */
export type BallotChoices = Record<string, Choice> | Record<string, Mark> | number[]

/** A candidate's 赞成/反对/弃权 (and priority points of ranked ballots), as the server counted. */
export type CandidateCount = Schemas['CandidateCount']

/** A closed round's result (api/voting/serializers.py VoteResultSerializer, counted by the
 * round's ballot method). `shares` is each candidate's 票决率 (赞成 over `share_base`), already
 * rounded half-up by the server; rounds closed before it was recorded have none. */
export type RoundResult = Schemas['VoteResult']

export const listCycles = () => http.get<Cycle[]>('voting/cycles')
export const getCycle = (id: number) => http.get<Cycle>(`voting/cycles/${id}`)
export const setCycleRules = (id: number, body: CycleRules) => http.post<Cycle>(`voting/cycles/${id}/rules`, body)
export const openVoting = (id: number) => http.post<Cycle>(`voting/cycles/${id}/open-voting`)
export const listCandidates = (id: number) => http.get<Candidate[]>(`voting/cycles/${id}/candidates`)
export const addCandidate = (id: number, body: CandidateIn) =>
  http.post<Candidate>(`voting/cycles/${id}/candidates`, body)
export const signIn = (id: number) => http.post<Cycle>(`voting/cycles/${id}/sign-in`)
export const listRounds = (id: number) => http.get<Round[]>(`voting/cycles/${id}/rounds`)
export const openRound = (id: number, body: RoundOpenIn) => http.post<Round>(`voting/cycles/${id}/rounds`, body)
export const getRound = (id: number) => http.get<Round>(`voting/rounds/${id}`)
export const castBallot = (id: number, choices: BallotChoices) =>
  http.post<{ receipt: string }>(`voting/rounds/${id}/ballots`, { choices })
export const closeRound = (id: number) => http.post<Round>(`voting/rounds/${id}/close`)
export const checkReceipt = (id: number, receipt: string) =>
  http.post<{ counted: boolean }>(`voting/rounds/${id}/receipt-check`, { receipt })

// 征集 and 初定: the proposal desk (api/voting/solicitation.py).
export type Proposal = Schemas['ProposalOut']
export type ProposalStatus = Schemas['ProposalStatusEnum']
export type Exclusion = Schemas['ExclusionEnum']
export type Governance = Schemas['GovernanceOut']
export type GovernanceKind = Schemas['GovernanceKindEnum']
export type GovernanceIn = Schemas['GovernanceInRequest']

export const EXCLUSIONS: readonly Exclusion[] = [
  'higher_level',
  'continuation',
  'ancillary',
  'burden',
  'debt_risk',
  'stability_risk',
  'not_ready',
  'not_public_benefit',
  'other',
]
export const GOVERNANCE_KINDS: readonly GovernanceKind[] = ['consultation', 'party_review']

export const listProposals = (id: number) => http.get<Proposal[]>(`voting/cycles/${id}/proposals`)
export const screenProposal = (id: number, body: { accept: boolean; reason?: string; exclusion?: Exclusion | '' }) =>
  http.post<Proposal>(`voting/proposals/${id}/screen`, body)
export const mergeProposal = (id: number, into: number) => http.post<Proposal>(`voting/proposals/${id}/merge`, { into })
export const reserveProposal = (id: number) => http.post<Proposal>(`voting/proposals/${id}/reserve`)
export const candidateFromProposal = (id: number) => http.post<Candidate>(`voting/proposals/${id}/candidate`)
export const listGovernance = (id: number) => http.get<Governance[]>(`voting/cycles/${id}/governance`)
export const recordGovernance = (id: number, body: GovernanceIn) =>
  http.post<Governance>(`voting/cycles/${id}/governance`, body)
/** A governance step with its minutes: the file is stored first, then the step names it. */
export async function recordGovernanceWithMinutes(
  id: number,
  body: Omit<GovernanceIn, 'minutes_file_id'>,
  minutes: File,
) {
  const stored = await uploadFile(minutes)
  return recordGovernance(id, { ...body, minutes_file_id: stored.id })
}
export const advanceCycle = (id: number) => http.post<Cycle>(`voting/cycles/${id}/advance`)
// 党委审定: the party reviewer's own list of cycles, candidates and recorded reviews.
export type PartyReviewCycle = Schemas['PartyReviewCycleOut']
export const listPartyReview = () => api.GET('/api/v1/voting/party-review', {})
// 公告: staff preview the announcement, then publish it on the portal.
export type AnnouncementReview = Schemas['AnnouncementReview']
export const getAnnouncementReview = (id: number) =>
  api.GET('/api/v1/voting/cycles/{id}/announcement', { path: { id } })
export const publishAnnouncement = (id: number) =>
  api.POST('/api/v1/voting/cycles/{id}/announcement/publish', { path: { id } })

// 征集: the call for proposals and the proposals staff record (api/voting/solicitation.py).
export type Call = Schemas['Call']
export type CallIn = Schemas['CallRequest']
export type ProposalSource = Schemas['ProposalSourceEnum']
export type StaffProposalIn = Schemas['StaffProposalInRequest']

/** The origins staff record; 群众 send theirs through the public portal. */
export const STAFF_ORIGINS: readonly ProposalSource[] = ['deputy', 'department', 'village']

export const publishCall = (id: number, body: CallIn) => http.post<Call>(`voting/cycles/${id}/call`, body)

// A deputy's own proposals (api/voting/solicitation.py MyProposalsView): proposed on the phone
// while the call is open, followed by their status.
export type MyProposals = Schemas['MyProposalsOut']
export type MyProposal = Schemas['MyProposalOut']
export type MyProposalIn = Schemas['MyProposalInRequest']
export const getMyProposals = (id: number) => api.GET('/api/v1/voting/cycles/{id}/proposals/mine', { path: { id } })
export const proposeMine = (id: number, body: MyProposalIn) =>
  api.POST('/api/v1/voting/cycles/{id}/proposals/mine', { path: { id }, body })
/** The newest year whose call for proposals is out and still in 征集, if any. */
export async function soliciting(): Promise<Cycle | null> {
  const cycles = await listCycles()
  return cycles.find((c) => c.phase === 'solicit' && c.has_call) ?? null
}

export const addProposal = (id: number, body: StaffProposalIn) =>
  http.post<Proposal>(`voting/cycles/${id}/proposals`, body)

// 审议: materials, comments and answers (api/voting/deliberation.py).
export type Material = Schemas['Material']
export type Comment = Schemas['CommentOut']

export const listMaterials = (candidate: number) => http.get<Material[]>(`voting/candidates/${candidate}/materials`)
export const listComments = (candidate: number) => http.get<Comment[]>(`voting/candidates/${candidate}/comments`)
export const attachMaterial = (candidate: number, title: string, fileId: number) =>
  http.post<Material>(`voting/candidates/${candidate}/materials`, { title, file_id: fileId })
export const postComment = (candidate: number, text: string) =>
  http.post<Comment>(`voting/candidates/${candidate}/comments`, { text })
export const answerComment = (comment: number, answer: string) =>
  http.post<Comment>(`voting/comments/${comment}/answer`, { answer })

// Paper ballots (api/voting/views.py PaperIssueView, TallyView).
export type Tally = Schemas['TallyOut']
export type TallyAgreement = Schemas['TallyAgreementOut']
/** A teller's row: the marks of one item, 未填 (blank) included; each row adds up to the valid
 * ballots (choose-N: 赞成 alone). */
export type TallyRow = Record<string, number>
export const issuePaperBallot = (round: number, deputyId: number) =>
  http.post<unknown>(`voting/rounds/${round}/paper-ballots`, { deputy_id: deputyId })
// 点名签到 (api/voting/rollcall.py): the roll of the session or the evaluation meeting.
export type Meeting = 'session' | 'evaluation'
export type Roll = Schemas['RollOut']
export type RollEntry = Schemas['RollEntryOut']
export type RollMark = Schemas['RollMarkOut']
export type SheetRow = Schemas['SheetRowOut']
export type PaperIssueEntry = Schemas['PaperIssueEntryOut']
export const getRoll = (cycle: number, meeting: Meeting) =>
  http.get<Roll>(`voting/cycles/${cycle}/roll-call`, { meeting })
export const markRoll = (cycle: number, meeting: Meeting, deputyIds: number[]) =>
  http.post<RollMark>(`voting/cycles/${cycle}/roll-call`, { meeting, deputy_ids: deputyIds })
export const markRollByCard = (cycle: number, meeting: Meeting, token: string) =>
  http.post<RollMark>(`voting/cycles/${cycle}/roll-call/card`, { meeting, token })
export const unmarkRollCall = (cycle: number, deputyId: number, meeting: Meeting = 'session') =>
  http.post<RollMark>(`voting/cycles/${cycle}/roll-call/unmark`, { meeting, deputy_id: deputyId })
export const importRollSheet = (cycle: number, meeting: Meeting, file: File) => {
  const form = new FormData()
  form.append('meeting', meeting)
  form.append('file', file)
  return http.postForm<RollMark>(`voting/cycles/${cycle}/roll-call/sheet`, form)
}
export type DeputyCard = Schemas['CardEntryOut']
export const listDeputyCards = (cycle: number) => http.get<DeputyCard[]>(`voting/cycles/${cycle}/roll-call/cards`)
export const paperIssueList = (round: number) => http.get<PaperIssueEntry[]>(`voting/rounds/${round}/paper-ballots`)
export const tallyState = (round: number) => http.get<Tally>(`voting/rounds/${round}/tally`)
/** Refused (409 tally_incomplete) until both tellers have entered. */
export const tallyAgreement = (round: number) => http.get<TallyAgreement>(`voting/rounds/${round}/tally/agreement`)
export const enterTally = (
  round: number,
  body: { counts: Record<string, TallyRow>; returned: number; invalid: number; reason?: string },
) => http.post<Tally>(`voting/rounds/${round}/tally`, body)

// 评估: the year-end satisfaction evaluation (api/voting/evaluation.py). Deputies cast through
// castBallot with {candidate id: mark}, the same secret ballot as the vote.
export type Evaluation = Schemas['EvaluationOut']
export type EvaluationRules = Schemas['EvaluationRulesInRequest']
export type EvaluationResults = Schemas['EvaluationResults']
export type EvaluationResultLine = Schemas['EvaluationResultLine']
export type Outcome = Schemas['SatisfactionOutcomeEnum']
export type Mark = Outcome | 'abstain'
export type RuleType = Schemas['RuleTypeEnum']
export type EvaluationBase = Schemas['EvaluationRules']['base']

export const MARKS: readonly Mark[] = ['satisfied', 'basic', 'unsatisfied', 'abstain']
export const OUTCOMES: readonly Outcome[] = ['satisfied', 'basic', 'unsatisfied']
export const RULE_TYPES: readonly RuleType[] = ['majority', 'rate']
export const EVALUATION_BASES: readonly EvaluationBase[] = ['entitled', 'valid']

export const getEvaluation = (cycle: number) => http.get<Evaluation>(`voting/cycles/${cycle}/evaluation`)
export const setEvaluationRules = (cycle: number, body: EvaluationRules) =>
  http.post<Evaluation>(`voting/cycles/${cycle}/evaluation/rules`, body)
export const openEvaluation = (cycle: number) => http.post<Evaluation>(`voting/cycles/${cycle}/evaluation/open`)
export const signInEvaluation = (cycle: number) => http.post<Evaluation>(`voting/cycles/${cycle}/evaluation/sign-in`)
export const closeEvaluation = (cycle: number) =>
  http.post<EvaluationResults>(`voting/cycles/${cycle}/evaluation/close`)
export const closeYear = (cycle: number) => http.post<Evaluation>(`voting/cycles/${cycle}/close-year`)
export const getEvaluationResults = (cycle: number) =>
  http.get<EvaluationResults>(`voting/cycles/${cycle}/evaluation/results`)

/** A new year's cycle: its rules start from the congress's last cycle, or common practice. */
export type CycleCreateIn = Schemas['CycleCreateInRequest']
export type RulesTemplate = Schemas['RulesTemplateOut']
export const getRulesTemplate = () => api.GET('/api/v1/voting/rules-template')
export const createCycle = (body: CycleCreateIn) => api.POST('/api/v1/voting/cycles', { body })

/** Rule templates from above (实施办法, docs/voting.md): the congress's own and those issued to it
 * from above, the one a new cycle starts from, and which template each congress below used. */
export type RuleTemplate = Schemas['RuleTemplateOut']
export type RuleTemplateIn = Schemas['RuleTemplateInRequest']
export type RuleTemplateUse = Schemas['RuleTemplateUse']
export type RuleField = Schemas['RuleFieldEnum']
export type RuleSource = Schemas['RuleSource']
export const RULE_FIELDS: readonly RuleField[] = [
  'seats',
  'list_kind',
  'min_surplus',
  'ballot_form',
  'thresholds',
  'rank_only',
  'quorum',
  'shortfall',
]
export const listRuleTemplates = () => api.GET('/api/v1/voting/rule-templates')
export const issueRuleTemplate = (body: RuleTemplateIn) => api.POST('/api/v1/voting/rule-templates', { body })
export const listRuleTemplateUses = () => api.GET('/api/v1/voting/rule-templates/uses')

// 票决 documents and exports (api/voting/documents.py): rendered on each request, staff only.
// Each is saved with the name the server gives; a refusal (no closed round yet) is an ApiError.
export const VOTING_FILES = {
  ballot: (round: number) => `voting/rounds/${round}/ballot.pdf`,
  tallySheet: (round: number) => `voting/rounds/${round}/tally-sheet.pdf`,
  announcement: (cycle: number) => `voting/cycles/${cycle}/announcement.pdf`,
  candidates: (cycle: number) => `voting/cycles/${cycle}/candidates.xlsx`,
  results: (cycle: number) => `voting/cycles/${cycle}/results.xlsx`,
  proposals: (cycle: number) => `voting/cycles/${cycle}/proposals.xlsx`,
} as const

// 表决器: the device system's CSV export of an open round (api/voting/views.py
// DeviceImportView); refused whole with `rows` ({row, reason}) when any row is wrong.
export type DeviceImportOut = Schemas['DeviceImportOut']
export interface DeviceRowProblem {
  row: number
  reason: string
}
export const importDeviceResults = (round: number, file: File) => {
  const form = new FormData()
  form.append('file', file)
  return http.postForm<DeviceImportOut>(`voting/rounds/${round}/device-import`, form)
}

// 储备库 (api/voting/solicitation.py ReserveListView): proposals kept for a later year, each
// with its year of origin and how often it was a candidate before.
export type ReserveProposal = Schemas['ReserveProposalOut']
export const listReserve = (query: { q?: string; origin_year?: number | null }) =>
  http.get<ReserveProposal[]>('voting/reserve', query)
export const carryReserve = (cycle: number) => http.post<{ carried: number }>(`voting/cycles/${cycle}/reserve-carry`)
