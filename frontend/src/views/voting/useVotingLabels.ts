import { useEnumLabel } from '@/composables/useLabels'

/** Labels for the 票决 enum values, falling back to the raw value. */
export function useVotingLabels() {
  const label = useEnumLabel('votingEnums')
  return {
    phase: (value: string | null | undefined) => label('phase', value),
    ballotForm: (value: string | null | undefined) => label('ballotForm', value),
    thresholdBase: (value: string | null | undefined) => label('thresholdBase', value),
    listKind: (value: string | null | undefined) => label('listKind', value),
    comparison: (value: string | null | undefined) => label('comparison', value),
    shortfall: (value: string | null | undefined) => label('shortfall', value),
    channel: (value: string | null | undefined) => label('channel', value),
    roundKind: (value: string | null | undefined) => label('roundKind', value),
    roundState: (value: string | null | undefined) => label('roundState', value),
    candidateStatus: (value: string | null | undefined) => label('candidateStatus', value),
    choice: (value: string | null | undefined) => label('choice', value),
    proposalStatus: (value: string | null | undefined) => label('proposalStatus', value),
    proposalSource: (value: string | null | undefined) => label('proposalSource', value),
    exclusion: (value: string | null | undefined) => label('exclusion', value),
    governanceKind: (value: string | null | undefined) => label('governanceKind', value),
  }
}
