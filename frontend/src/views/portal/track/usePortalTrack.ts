import { trackProposal } from '@/api/portal'

import { usePortalLookup } from '../usePortalLookup'

export function usePortalTrack() {
  return usePortalLookup('portal-track', trackProposal)
}
