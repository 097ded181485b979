import { ElMessage } from 'element-plus'
import { reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'

import { uploadFile } from '@/api/files'
import { errorMessage } from '@/api/http'
import { getProject, postReport, type ProjectDetail, type ReportIn } from '@/api/implementation'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'
import { useRouteId } from '@/composables/useRouteId'

export const MAX_PHOTOS = 9

export interface ReportDraft {
  percent: number
  text: string
  spent: string
  overspendNote: string
}

/** The request body for a draft and the ids of its uploaded photos. */
export function reportBody(draft: ReportDraft, photoIds: number[]): ReportIn {
  const body: ReportIn = { percent: draft.percent, text: draft.text.trim(), photo_ids: photoIds }
  if (draft.spent.trim()) {
    body.funds_spent = draft.spent.trim()
    if (draft.overspendNote.trim()) body.overspend_note = draft.overspendNote.trim()
  }
  return body
}

export function useReport() {
  const { t } = useI18n()
  const router = useRouter()
  const id = useRouteId()
  const draft = reactive<ReportDraft>({ percent: 0, text: '', spent: '', overspendNote: '' })
  const photos = ref<File[]>([])
  const { data: project, loading, error } = useResource<ProjectDetail | null>(() => getProject(id.value), null)
  /** The report starts from the progress last reported. */
  watch(project, (found) => (draft.percent = found?.percent ?? 0))
  const { busy: saving, fields, run } = useAction(errorMessage, { error })

  function pickPhotos(files: File[]) {
    photos.value = files.slice(0, MAX_PHOTOS)
  }

  function submit(): Promise<boolean> {
    return run(async () => {
      const uploaded = []
      for (const photo of photos.value) uploaded.push(await uploadFile(photo))
      await postReport(
        id.value,
        reportBody(
          draft,
          uploaded.map((file) => file.id),
        ),
      )
      ElMessage.success(t('implementation.report.submitted'))
      await router.push({ name: 'implementation-project', params: { id: id.value } })
    })
  }

  return { project, draft, photos, loading, saving, error, fields, pickPhotos, submit }
}
