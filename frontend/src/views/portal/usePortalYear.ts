import { watch } from 'vue'

import { portalError } from '@/api/portal'
import { useResource } from '@/composables/useResource'
import { useRouteId } from '@/composables/useRouteId'

/**
 * A public page about one year (the route's `:year`): what `fetch` gives for it, loaded afresh
 * whenever the year changes. None is shown while a year loads or once its load fails, never
 * another year's; `load` reloads the year shown, keeping it on view meanwhile.
 */
export function usePortalYear<T>(fetch: (year: number) => Promise<T>) {
  const year = useRouteId('year')
  const page = useResource<T | null>(() => fetch(year.value), null, { immediate: false, describe: portalError })
  const { data, error, loading } = page

  async function load() {
    if (!(await page.load())) data.value = null
  }

  watch(
    year,
    () => {
      data.value = null
      return load()
    },
    { immediate: true },
  )
  return { year, data, error, loading, load }
}
