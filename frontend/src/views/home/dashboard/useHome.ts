import { computed, onMounted, ref } from 'vue'

import { listCongresses } from '@/api/congresses'
import { errorMessage } from '@/api/http'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'
import { useSessionStore } from '@/stores/session'

export function useHome() {
  const session = useSessionStore()
  const count = useResource<number | null>(async () => (await listCongresses({ page_size: 1 })).count, null, {
    immediate: false,
  })
  const { data: congressCount, loading, error } = count

  /** A congress's host has all it shows in the session; the operators' console counts congresses. */
  async function load() {
    if (session.isPlatformHost) await count.load()
  }

  const switching = ref<number | null>(null)
  const switchAction = useAction(errorMessage, { error })
  async function switchTo(congressId: number) {
    switching.value = congressId
    if (!(await switchAction.run(() => session.switchTo(congressId)))) switching.value = null
  }

  /** Who sets the congress up, and so is shown the setup checklist until it is complete. */
  const setsUp = computed(
    () => !!session.congress && (session.roles.includes('staff') || session.roles.includes('system_admin')),
  )

  const divisionCode = computed(() => session.congress?.division_code || '—')

  onMounted(load)

  return { session, setsUp, divisionCode, congressCount, loading, error, switching, switchTo, load }
}
