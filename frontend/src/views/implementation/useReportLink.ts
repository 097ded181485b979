import { useI18n } from 'vue-i18n'

import type { RouteButtonLink } from '@/components/RouteButton.vue'

/**
 * The way to report a project's progress (填报进度), drawn as a primary button for RouteButton:
 * `reportLink(projectId, testid)`. The project page and a unit's project cards both offer it.
 */
export function useReportLink() {
  const { t } = useI18n()
  return (id: number, testid: string): RouteButtonLink => ({
    label: t('implementation.reportAction'),
    to: { name: 'implementation-report', params: { id } },
    primary: true,
    testid,
  })
}
