import { computed, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'

import { getYearRoute, setYearRoute, STAGES, type Stage, type YearRoute } from '@/api/supervision'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

/** The year's route page: a city or county dates its stages; a township reads the one it follows. */
export function useYearRoute() {
  const { t } = useI18n()
  const year = ref(new Date().getFullYear())
  const { data: route, loading, error, load } = useResource<YearRoute | null>(() => getYearRoute(year.value), null)
  const due = reactive<Record<Stage, string | null>>(
    Object.fromEntries(STAGES.map((stage) => [stage, null])) as Record<Stage, string | null>,
  )
  const save = useAction()
  const inherited = computed(() => !!route.value?.issuer_name && !route.value.own)

  /** The form shows the route as last read or saved. */
  watch(route, (next) => {
    if (!next) return
    for (const stage of STAGES) due[stage] = null
    if (next.own) for (const s of next.stages) due[s.stage] = s.due_on
  })

  async function submit() {
    await save.run(async () => (route.value = await setYearRoute(year.value, { ...due })), t('supervision.route.saved'))
  }

  watch(year, load)
  return { year, route, loading, error, due, inherited, submit, save }
}
