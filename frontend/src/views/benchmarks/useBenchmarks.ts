import { ElMessage } from 'element-plus'
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'

import { errorMessage } from '@/api/http'
import {
  createRound,
  listKinds,
  listRounds,
  type BenchmarkKind,
  type CriterionIn,
  type KindSpec,
  type Round,
} from '@/api/supervision'
import { useAction } from '@/composables/useAction'
import { useResources } from '@/composables/useResource'
import { useSessionStore } from '@/stores/session'
import { isoDaysAhead } from '@/utils/dates'

export interface RoundForm {
  kind: BenchmarkKind
  title: string
  year: number
  description: string
  quota: number
  per_nominator_quota: number
  exclusions: string[]
  nominations_open_on: string
  nominations_close_on: string
  criteria: CriterionIn[]
}

export function useBenchmarks() {
  const { t } = useI18n()
  const router = useRouter()
  const session = useSessionStore()
  const {
    parts: { rounds, kinds },
    loading,
    error,
  } = useResources({ rounds: listRounds, kinds: listKinds }, { rounds: [] as Round[], kinds: [] as KindSpec[] })
  const kindsRead = useAction(errorMessage, { error })
  const creating = ref(false)
  const save = useAction()
  const canOrganise = computed(
    () =>
      session.roles.includes('staff') && (session.congress?.level === 'city' || session.congress?.level === 'county'),
  )
  const form = reactive<RoundForm>({
    kind: 'deputy',
    title: '',
    year: new Date().getFullYear(),
    description: '',
    quota: 10,
    per_nominator_quota: 1,
    exclusions: [],
    nominations_open_on: isoDaysAhead(),
    nominations_close_on: isoDaysAhead(30),
    criteria: [],
  })
  const kindSpec = computed(() => kinds.value.find((k) => k.kind === form.kind))
  const weightSum = computed(() => form.criteria.reduce((sum, c) => sum + (c.weight || 0), 0))

  function applyKindDefaults() {
    const spec = kindSpec.value
    if (!spec) return
    form.exclusions = [...spec.default_exclusions]
    form.criteria = spec.default_criteria.map((c) => ({ ...c }))
  }

  async function startCreate() {
    // The page may still be loading: the kind's defaults are needed before the form opens.
    if (!kinds.value.length && !(await kindsRead.run(async () => (kinds.value = await listKinds())))) {
      return
    }
    applyKindDefaults()
    save.error.value = ''
    creating.value = true
  }

  function addCriterion() {
    form.criteria.push({ name: '', weight: 0, indicator: '', indicator_full: null })
  }

  function removeCriterion(index: number) {
    form.criteria.splice(index, 1)
  }

  async function submit() {
    await save.run(async () => {
      const round = await createRound({
        ...form,
        criteria: form.criteria.map((c) => ({
          ...c,
          indicator_full: c.indicator ? c.indicator_full : null,
        })),
      })
      creating.value = false
      ElMessage.success(t('supervision.benchmarks.saved'))
      await router.push({ name: 'benchmark-round', params: { id: round.id } })
    })
  }

  return {
    rounds,
    kinds,
    kindSpec,
    loading,
    error,
    canOrganise,
    creating,
    save,
    form,
    weightSum,
    applyKindDefaults,
    startCreate,
    addCriterion,
    removeCriterion,
    submit,
  }
}
