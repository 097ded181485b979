import { onMounted, reactive, ref } from 'vue'

import { ApiError, type FieldErrors } from '@/api/http'
import { getCurrentCall, portalError, submitProposal, type Call } from '@/api/portal'

export const PHONE_PATTERN = /^1\d{10}$/

export function emptyProposal() {
  return { title: '', category: '', description: '', location: '', name: '', phone: '' }
}

export function usePortalSubmit() {
  const call = ref<Call | null>(null)
  const callError = ref('')
  const loading = ref(false)
  const form = reactive(emptyProposal())
  const submitting = ref(false)
  const error = ref('')
  const fields = ref<FieldErrors>({})
  const code = ref('')

  async function load() {
    loading.value = true
    callError.value = ''
    try {
      call.value = await getCurrentCall()
    } catch (failure) {
      callError.value = portalError(failure)
    } finally {
      loading.value = false
    }
  }

  async function submit(): Promise<boolean> {
    submitting.value = true
    error.value = ''
    fields.value = {}
    try {
      const created = await submitProposal({
        title: form.title.trim(),
        category: form.category.trim(),
        description: form.description.trim(),
        location: form.location.trim(),
        submitter_name: form.name.trim(),
        submitter_phone: form.phone.trim(),
      })
      code.value = created.tracking_code
      Object.assign(form, emptyProposal())
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

  onMounted(load)
  return { call, callError, loading, form, submitting, error, fields, code, submit, another }
}
