import { computed, onMounted, reactive, ref } from 'vue'
import { useRoute } from 'vue-router'

import { ApiError, type FieldErrors } from '@/api/http'
import {
  getPublicStation,
  submitPublicOpinion,
  type OpinionCategory,
  type PublicStation,
} from '@/api/opinions'
import { portalError } from '@/api/portal'

export function emptyOpinion() {
  return { content: '', category: '' as OpinionCategory | '', name: '', phone: '' }
}

/** The public form; opened from a station's QR code it carries `?station=<id>`. */
export function usePortalOpinionSubmit() {
  const route = useRoute()
  const stationId = computed(() => {
    const value = Number(route.query.station)
    return Number.isInteger(value) && value > 0 ? value : null
  })
  const station = ref<PublicStation | null>(null)
  const stationError = ref('')
  const form = reactive(emptyOpinion())
  const submitting = ref(false)
  const error = ref('')
  const fields = ref<FieldErrors>({})
  const code = ref('')

  async function loadStation() {
    if (stationId.value === null) return
    try {
      station.value = await getPublicStation(stationId.value)
    } catch (failure) {
      stationError.value = portalError(failure)
    }
  }

  async function submit(): Promise<boolean> {
    submitting.value = true
    error.value = ''
    fields.value = {}
    try {
      const created = await submitPublicOpinion({
        content: form.content.trim(),
        category: form.category,
        citizen_name: form.name.trim(),
        citizen_phone: form.phone.trim(),
        station: station.value?.id ?? null,
      })
      code.value = created.tracking_code
      Object.assign(form, emptyOpinion())
      return true
    } catch (failure) {
      error.value = portalError(failure)
      if (failure instanceof ApiError) fields.value = failure.fields
      return false
    } finally {
      submitting.value = false
    }
  }

  function another() {
    code.value = ''
  }

  onMounted(loadStation)
  return { station, stationError, form, submitting, error, fields, code, submit, another }
}
