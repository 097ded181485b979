import { onMounted, reactive, ref } from 'vue'

import { errorMessage } from '@/api/http'
import {
  addChecklistItem,
  getSettings,
  listChecklist,
  retireChecklistItem,
  saveSettings,
  type ChecklistItem,
  type StationSettings,
} from '@/api/stations'

/** This congress's "N有" checklist (items and weights) and the stations' settings. */
export function useStationChecklist() {
  const items = ref<ChecklistItem[]>([])
  const settings = reactive<StationSettings>({
    notice_days: 3,
    star_thresholds: [60, 70, 80, 90, 95],
  })
  const draft = reactive({ title: '', guidance: '', weight: 10 })
  const error = ref('')
  const notice = ref('')
  const loading = ref(false)

  async function run(action: () => Promise<unknown>, done = '') {
    error.value = ''
    notice.value = ''
    try {
      await action()
      notice.value = done
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  async function load() {
    loading.value = true
    await run(async () => {
      const [list, current] = await Promise.all([listChecklist(), getSettings()])
      items.value = list
      Object.assign(settings, current)
    })
    loading.value = false
  }

  const add = () =>
    run(async () => {
      await addChecklistItem({ ...draft })
      Object.assign(draft, { title: '', guidance: '', weight: 10 })
      items.value = await listChecklist()
    })
  const retire = (itemId: number) =>
    run(async () => {
      await retireChecklistItem(itemId)
      items.value = await listChecklist()
    })
  const save = (done: string) =>
    run(async () => {
      Object.assign(settings, await saveSettings({ ...settings }))
    }, done)

  onMounted(load)
  return { items, settings, draft, error, notice, loading, add, retire, save }
}
