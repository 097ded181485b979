import { computed } from 'vue'
import { useRoute } from 'vue-router'

import { getPublicStation, submitPublicOpinion, type OpinionCategory, type PublicStation } from '@/api/opinions'
import { portalError } from '@/api/portal'
import { useResource } from '@/composables/useResource'

import type { PortalKind } from '../../PortalForm.vue'
import { usePortalSend } from '../../usePortalSend'

export function emptyOpinion() {
  return { content: '', category: '' as OpinionCategory | '', name: '', phone: '' }
}

export const OPINION_FORM: PortalKind = {
  texts: 'opinions.portal',
  contactTexts: {
    name: 'opinions.form.citizenName',
    nameRequired: 'opinions.form.citizenNameRequired',
    phone: 'opinions.form.citizenPhone',
    phoneInvalid: 'opinions.form.phoneInvalid',
  },
  contactFields: { name: 'citizen_name', phone: 'citizen_phone' },
  trackRoute: 'portal-opinion-track',
  testid: 'portal-opinion',
  codeTestid: 'portal-opinion-code',
  errorTestid: 'portal-opinion-error',
}

/** The public form; opened from a station's QR code it carries `?station=<id>`. */
export function usePortalOpinionSubmit() {
  const route = useRoute()
  const stationId = computed(() => {
    const value = Number(route.query.station)
    return Number.isInteger(value) && value > 0 ? value : null
  })
  /** The station the link came from, if any. */
  const { data: station, error: stationError } = useResource<PublicStation | null>(
    async () => (stationId.value === null ? null : getPublicStation(stationId.value)),
    null,
    { describe: portalError },
  )
  const send = usePortalSend(emptyOpinion, (form) =>
    submitPublicOpinion({
      content: form.content.trim(),
      category: form.category,
      citizen_name: form.name.trim(),
      citizen_phone: form.phone.trim(),
      station: station.value?.id ?? null,
    }),
  )

  return { station, stationError, send }
}
