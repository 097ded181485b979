import { onMounted, reactive, ref } from 'vue'

import {
  addChecklistItem,
  getSettings,
  listChecklist,
  retireChecklistItem,
  saveSettings,
  type ChecklistItem,
  type StationSettings,
} from '@/api/stations'
import { useAction } from '@/composables/useAction'

/** This congress's "N有" checklist (items and weights) and the stations' settings. */
export function useStationChecklist() {
  const items = ref<ChecklistItem[]>([])
  const settings = reactive<StationSettings>({
    notice_days: 3,
    star_thresholds: [60, 70, 80, 90, 95],
  })
  const draft = reactive({ title: '', guidance: '', weight: 10 })
  const { error, notice, run } = useAction()
  const loading = ref(false)

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
