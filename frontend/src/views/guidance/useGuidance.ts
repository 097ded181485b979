import { ElMessage } from 'element-plus'
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
import {
  guidanceReceipts,
  guidanceReports,
  issueGuidance,
  listGuidance,
  listSubordinates,
  myReport,
  readGuidance,
  submitReport,
  uploadAttachment,
  withdrawGuidance,
  type Attachment,
  type Guidance,
  type GuidanceDetail,
  type GuidanceKind,
  type GuidanceReports,
  type GuidanceScope,
  type MyReport,
  type Subordinate,
} from '@/api/supervision'
import { useAction } from '@/composables/useAction'
import { useResources } from '@/composables/useResource'
import { useSessionStore } from '@/stores/session'

export function useGuidance() {
  const { t } = useI18n()
  const session = useSessionStore()
  const canIssue = computed(
    () =>
      session.roles.includes('staff') && (session.congress?.level === 'city' || session.congress?.level === 'county'),
  )
  const tab = ref<'received' | 'issued'>(canIssue.value ? 'issued' : 'received')
  const {
    parts: { received, issued, subordinates },
    loading,
    error,
    load,
  } = useResources(
    {
      received: () => listGuidance('received'),
      issued: async () => (canIssue.value ? listGuidance('issued') : []),
      subordinates: async () => (canIssue.value ? listSubordinates() : []),
    },
    { received: [] as Guidance[], issued: [] as Guidance[], subordinates: [] as Subordinate[] },
  )
  const reading = ref<Guidance | null>(null)
  const receipts = ref<GuidanceDetail | null>(null)
  const reports = ref<GuidanceReports | null>(null)
  const mine = ref<MyReport | null>(null)
  const sendReport = useAction()
  const reportForm = reactive({ text: '', attachments: [] as Attachment[] })
  const composing = ref(false)
  const save = useAction()
  /** A step from the page's buttons, whose failure shows on the page's own error line. */
  const pageWrite = useAction(errorMessage, { error })
  const upload = useAction(errorMessage, { error: save.error })
  const uploadForReport = useAction(errorMessage, { error: sendReport.error })
  const form = reactive({
    kind: 'notice' as GuidanceKind,
    title: '',
    reference: '',
    body: '',
    scope: 'townships' as GuidanceScope,
    target_ids: [] as number[],
    attachments: [] as Attachment[],
    report_due: null as string | null,
  })

  async function read(item: Guidance) {
    // The read receipt is the congress's and staff record it; others just open the text.
    if (!session.roles.includes('staff')) {
      reading.value = item
      return
    }
    await pageWrite.run(async () => {
      reading.value = await readGuidance(item.id)
      await loadMine(item)
      await load()
    })
  }

  async function loadMine(item: Guidance) {
    mine.value = null
    Object.assign(reportForm, { text: '', attachments: [] })
    if (!item.report_due) return
    mine.value = await myReport(item.id)
    if (mine.value.report) {
      reportForm.text = mine.value.report.text
      reportForm.attachments = [...mine.value.report.attachments]
    }
  }

  async function addReportFile(file: File) {
    await uploadForReport.run(async () => reportForm.attachments.push(await uploadAttachment(file)))
  }

  async function report() {
    const item = reading.value
    if (!item) return
    await sendReport.run(async () => {
      mine.value = await submitReport(item.id, {
        text: reportForm.text,
        attachment_ids: reportForm.attachments.map((a) => a.id),
      })
      ElMessage.success(t('supervision.guidance.reportSent'))
    })
  }

  async function withdraw() {
    const item = receipts.value?.guidance
    if (!item) return
    await pageWrite.run(async () => {
      await withdrawGuidance(item.id)
      await showReceipts(item)
      await load()
    })
  }

  async function showReceipts(item: Guidance) {
    await pageWrite.run(async () => {
      reports.value = null
      receipts.value = await guidanceReceipts(item.id)
      if (item.report_due) reports.value = await guidanceReports(item.id)
    })
  }

  async function addFile(file: File) {
    await upload.run(async () => form.attachments.push(await uploadAttachment(file)))
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
        report_due: form.report_due || null,
      })
      composing.value = false
      Object.assign(form, {
        title: '',
        reference: '',
        body: '',
        target_ids: [],
        attachments: [],
        report_due: null,
      })
      ElMessage.success(t('supervision.guidance.sent'))
      tab.value = 'issued'
      await load()
    })
  }

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
    reports,
    mine,
    reportForm,
    sendReport,
    composing,
    save,
    form,
    read,
    showReceipts,
    addFile,
    addReportFile,
    report,
    withdraw,
    submit,
  }
}
