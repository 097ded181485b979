import { ref } from 'vue'

import { IMPORT_TEMPLATE_URL, importRoster, type ImportReport } from '@/api/deputies'
import { useAction } from '@/composables/useAction'

/** The roster import: pick a workbook, send it, show what was stored and each refused row. */
export function useRosterImport(onImported: () => void) {
  const file = ref<File | null>(null)
  const report = ref<ImportReport | null>(null)
  const sending = useAction()
  const { error, busy } = sending

  function choose(chosen: File | null) {
    file.value = chosen
    report.value = null
    error.value = ''
  }

  async function submit() {
    if (!file.value) return
    const chosen = file.value
    const ok = await sending.run(async () => {
      const stored = await importRoster(chosen)
      report.value = stored
      if (stored.created || stored.updated) onImported()
    })
    if (!ok) report.value = null
  }

  function reset() {
    choose(null)
  }

  return { file, report, error, busy, choose, submit, reset, templateUrl: IMPORT_TEMPLATE_URL }
}
