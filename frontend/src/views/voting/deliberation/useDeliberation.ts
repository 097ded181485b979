import { ElMessage } from 'element-plus'
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { fileUrl, uploadFile } from '@/api/files'
import {
  answerComment,
  attachMaterial,
  getCycle,
  listCandidates,
  listComments,
  listMaterials,
  postComment,
  type Candidate,
  type Comment,
  type Cycle,
  type Material,
} from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { useRouteResources } from '@/composables/useRouteResources'
import { useSessionStore } from '@/stores/session'

import { allowedIn } from '../voting'

/** The phases in which each thing is done here. */
const DELIBERATION_PHASES = {
  comment: ['deliberate'],
  answer: ['deliberate', 'vote'],
  attach: ['shortlist', 'deliberate'],
} as const

/** What each phase allows here (tenants/voting/phases.py). */
export const deliberationActions = (phase: string | null | undefined) => allowedIn(DELIBERATION_PHASES, phase)

/** What a comment's and an answer's drafts say when refused blank and when sent. */
const DRAFT_TEXTS = {
  comment: { required: 'voting.deliberation.commentRequired', done: 'voting.deliberation.commented' },
  answer: { required: 'voting.deliberation.answerRequired', done: 'voting.deliberation.answered' },
} as const

export interface CandidateFile {
  candidate: Candidate
  materials: Material[]
  comments: Comment[]
}

export function useDeliberation() {
  const { t } = useI18n()
  const session = useSessionStore()
  const {
    id,
    parts: { cycle, items },
    loading,
    error,
    load,
  } = useRouteResources(
    {
      cycle: getCycle,
      items: async (cycleId) => Promise.all((await listCandidates(cycleId)).map(loadItem)),
    },
    { cycle: null as Cycle | null, items: [] as CandidateFile[] },
  )
  const isDeputy = computed(() => session.roles.includes('deputy'))
  const isStaff = computed(() => session.roles.includes('staff'))
  const canAnswer = computed(() => isStaff.value || session.roles.includes('unit'))
  const allowed = computed(() => deliberationActions(cycle.value?.phase))

  /** Drafts by candidate id (comments, material titles) and by comment id (answers). */
  const drafts = reactive<Record<number, string>>({})
  const answers = reactive<Record<number, string>>({})
  const materialTitles = reactive<Record<number, string>>({})
  const materialFiles = reactive<Record<number, File | null>>({})
  const itemErrors = reactive<Record<number, string>>({})
  const busy = ref('')
  const itemAction = useAction()

  async function loadItem(candidate: Candidate): Promise<CandidateFile> {
    const [materials, comments] = await Promise.all([listMaterials(candidate.id), listComments(candidate.id)])
    return { candidate, materials, comments }
  }

  async function refresh(candidateId: number) {
    const index = items.value.findIndex((item) => item.candidate.id === candidateId)
    if (index < 0) return
    const current = items.value[index]
    if (current) items.value[index] = await loadItem(current.candidate)
  }

  /** Work on one candidate's file, whose failure shows on that candidate. */
  async function onItem(candidateId: number, work: () => Promise<unknown>) {
    itemErrors[candidateId] = ''
    const ok = await itemAction.run(work)
    itemErrors[candidateId] = itemAction.error.value
    return ok
  }

  async function run(candidateId: number, key: string, action: () => Promise<unknown>) {
    busy.value = key
    const ok = await onItem(candidateId, async () => {
      await action()
      await refresh(candidateId)
    })
    busy.value = ''
    return ok
  }

  /**
   * Sends one draft, a comment or an answer kept under `key` in `draft`, for a candidate's file
   * (busy as `<kind>-<key>`): a blank one is refused, a sent one is cleared, each saying so.
   */
  async function send(
    kind: keyof typeof DRAFT_TEXTS,
    candidateId: number,
    draft: Record<number, string>,
    key: number,
    call: (text: string) => Promise<unknown>,
  ) {
    const text = (draft[key] ?? '').trim()
    if (!text) {
      itemErrors[candidateId] = t(DRAFT_TEXTS[kind].required)
      return
    }
    if (await run(candidateId, `${kind}-${key}`, () => call(text))) {
      draft[key] = ''
      ElMessage.success(t(DRAFT_TEXTS[kind].done))
    }
  }
  const comment = (candidateId: number) =>
    send('comment', candidateId, drafts, candidateId, (text) => postComment(candidateId, text))
  const answer = (candidateId: number, commentId: number) =>
    send('answer', candidateId, answers, commentId, (text) => answerComment(commentId, text))

  async function attach(candidateId: number) {
    const title = (materialTitles[candidateId] ?? '').trim()
    const file = materialFiles[candidateId]
    if (!title || !file) {
      itemErrors[candidateId] = t('voting.deliberation.materialIncomplete')
      return false
    }
    const ok = await run(candidateId, `attach-${candidateId}`, async () => {
      const stored = await uploadFile(file)
      await attachMaterial(candidateId, title, stored.id)
    })
    if (ok) {
      materialTitles[candidateId] = ''
      materialFiles[candidateId] = null
      ElMessage.success(t('voting.deliberation.attached'))
    }
    return ok
  }

  /** Download a material through its short-lived URL (served as an attachment). */
  async function download(candidateId: number, material: Material) {
    await onItem(candidateId, async () => {
      const { url } = await fileUrl(material.file_id)
      const link = document.createElement('a')
      link.href = url
      link.rel = 'noopener'
      link.download = material.file_name
      document.body.appendChild(link)
      link.click()
      link.remove()
    })
  }

  return {
    id,
    cycle,
    items,
    loading,
    error,
    isDeputy,
    isStaff,
    canAnswer,
    allowed,
    drafts,
    answers,
    materialTitles,
    materialFiles,
    itemErrors,
    busy,
    load,
    comment,
    answer,
    attach,
    download,
  }
}
