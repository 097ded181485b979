import { ElMessage } from 'element-plus'
import { computed, onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
import {
  attachmentUrl,
  guidanceReceipts,
  issueGuidance,
  listGuidance,
  listSubordinates,
  readGuidance,
  uploadAttachment,
  type Attachment,
  type Guidance,
  type GuidanceDetail,
  type GuidanceKind,
  type GuidanceScope,
  type Subordinate,
} from '@/api/supervision'
import { useAction } from '@/composables/useAction'
import { useSessionStore } from '@/stores/session'

export function useGuidance() {
  const { t } = useI18n()
  const session = useSessionStore()
  const canIssue = computed(
    () =>
      session.roles.includes('staff') &&
      (session.congress?.level === 'city' || session.congress?.level === 'county'),
  )
  const tab = ref<'received' | 'issued'>(canIssue.value ? 'issued' : 'received')
  const received = ref<Guidance[]>([])
  const issued = ref<Guidance[]>([])
  const subordinates = ref<Subordinate[]>([])
  const loading = ref(false)
  const error = ref('')
  const reading = ref<Guidance | null>(null)
  const receipts = ref<GuidanceDetail | null>(null)
  const composing = ref(false)
  const save = useAction()
  const { busy: saving, error: formError } = save
  const form = reactive({
    kind: 'notice' as GuidanceKind,
    title: '',
    reference: '',
    body: '',
    scope: 'townships' as GuidanceScope,
    target_ids: [] as number[],
    attachments: [] as Attachment[],
  })

  async function load() {
    loading.value = true
    error.value = ''
    try {
      received.value = await listGuidance('received')
      if (canIssue.value) {
        ;[issued.value, subordinates.value] = await Promise.all([
          listGuidance('issued'),
          listSubordinates(),
        ])
      }
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  async function read(item: Guidance) {
    try {
      // The read receipt is the congress's and staff record it; others just open the text.
      if (!session.roles.includes('staff')) {
        reading.value = item
        return
      }
      reading.value = await readGuidance(item.id)
      await load()
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  async function showReceipts(item: Guidance) {
    try {
      receipts.value = await guidanceReceipts(item.id)
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  async function download(id: number) {
    try {
      window.open((await attachmentUrl(id)).url, '_blank', 'noopener')
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  async function addFile(file: File) {
    try {
      form.attachments.push(await uploadAttachment(file))
    } catch (failure) {
      formError.value = errorMessage(failure)
    }
    return false
  }

  async function submit() {
    await save.run(async () => {
      await issueGuidance({
        kind: form.kind,
        title: form.title,
        reference: form.reference,
        body: form.body,
        scope: form.scope,
        target_ids: form.scope === 'picked' ? form.target_ids : [],
        attachment_ids: form.attachments.map((a) => a.id),
      })
      composing.value = false
      Object.assign(form, { title: '', reference: '', body: '', target_ids: [], attachments: [] })
      ElMessage.success(t('supervision.guidance.sent'))
      tab.value = 'issued'
      await load()
    })
  }

  onMounted(load)
  return {
    tab,
    canIssue,
    received,
    issued,
    subordinates,
    loading,
    error,
    reading,
    receipts,
    composing,
    saving,
    form,
    formError,
    read,
    showReceipts,
    download,
    addFile,
    submit,
  }
}
