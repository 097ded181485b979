import { getCurrentCall, portalError, submitProposal, type Call } from '@/api/portal'
import { useResource } from '@/composables/useResource'

import type { PortalKind } from '../PortalForm.vue'
import { usePortalSend } from '../usePortalSend'

export function emptyProposal() {
  return { title: '', category: '', description: '', location: '', name: '', phone: '' }
}

export const PROPOSAL_FORM: PortalKind = {
  texts: 'portal',
  contactTexts: {
    name: 'portal.form.name',
    nameRequired: 'portal.form.nameRequired',
    phone: 'portal.form.phone',
    phoneInvalid: 'portal.form.phoneInvalid',
  },
  contactFields: { name: 'submitter_name', phone: 'submitter_phone' },
  trackRoute: 'portal-track',
  testid: 'portal',
  codeTestid: 'portal-tracking-code',
  errorTestid: 'portal-submit-error',
}

export function usePortalSubmit() {
  const current = useResource<Call | null>(getCurrentCall, null, { describe: portalError })
  const send = usePortalSend(emptyProposal, (form) =>
    submitProposal({
      title: form.title.trim(),
      category: form.category.trim(),
      description: form.description.trim(),
      location: form.location.trim(),
      submitter_name: form.name.trim(),
      submitter_phone: form.phone.trim(),
    }),
  )

  return { call: current.data, callError: current.error, loading: current.loading, send }
}
