import { computed, onMounted, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'

import { errorMessage } from '@/api/http'
import { getYearRoute, setYearRoute, STAGES, type Stage, type YearRoute } from '@/api/supervision'
import { useAction } from '@/composables/useAction'

/** The year's route page: a city or county dates its stages; a township reads the one it follows. */
export function useYearRoute() {
  const { t } = useI18n()
  const year = ref(new Date().getFullYear())
  const route = ref<YearRoute | null>(null)
  const loading = ref(false)
  const error = ref('')
  const due = reactive<Record<Stage, string | null>>(
    Object.fromEntries(STAGES.map((stage) => [stage, null])) as Record<Stage, string | null>,
  )
  const save = useAction()
  const inherited = computed(() => !!route.value?.issuer_name && !route.value.own)

  function fill(next: YearRoute) {
    route.value = next
    for (const stage of STAGES) due[stage] = null
    if (next.own) for (const s of next.stages) due[s.stage] = s.due_on
  }

  async function load() {
    loading.value = true
    error.value = ''
    try {
      fill(await getYearRoute(year.value))
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  async function submit() {
    await save.run(async () => fill(await setYearRoute(year.value, { ...due })), t('supervision.route.saved'))
  }

  onMounted(load)
  watch(year, load)
  return { year, route, loading, error, due, inherited, submit, save }
}
