import { ref } from 'vue'

import { IMPORT_TEMPLATE_URL, importRoster, type ImportReport } from '@/api/deputies'
import { errorMessage } from '@/api/http'

/** The roster import: pick a workbook, send it, show what was stored and each refused row. */
export function useRosterImport(onImported: () => void) {
  const file = ref<File | null>(null)
  const report = ref<ImportReport | null>(null)
  const error = ref('')
  const busy = ref(false)

  function choose(chosen: File | null) {
    file.value = chosen
    report.value = null
    error.value = ''
  }

  async function submit() {
    if (!file.value) return
    busy.value = true
    error.value = ''
    try {
      report.value = await importRoster(file.value)
      if (report.value.created || report.value.updated) onImported()
    } catch (failure) {
      report.value = null
      error.value = errorMessage(failure)
    } finally {
      busy.value = false
    }
  }

  function reset() {
    choose(null)
  }

  return { file, report, error, busy, choose, submit, reset, templateUrl: IMPORT_TEMPLATE_URL }
}
