import { useEnumLabels } from '@/composables/useLabels'

/** The 票决 enums labelled under `votingEnums` in the catalog. */
const VOTING_ENUMS = [
  'phase',
  'ballotForm',
  'thresholdBase',
  'listKind',
  'comparison',
  'shortfall',
  'channel',
  'roundKind',
  'roundState',
  'candidateStatus',
  'choice',
  'proposalStatus',
  'proposalSource',
  'exclusion',
  'governanceKind',
] as const

/** Labels for the 票决 enum values, falling back to the raw value. */
export function useVotingLabels() {
  return useEnumLabels('votingEnums', VOTING_ENUMS)
}
