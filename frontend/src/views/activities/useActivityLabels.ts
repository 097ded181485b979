import { useI18n } from 'vue-i18n'

/** Labels for the codes the activities and duty APIs return. */
export function useActivityLabels() {
  const { t, d } = useI18n()
  return {
    kind: (code: string | null | undefined) => t(`activities.kind.${code}`),
    state: (code: string | null | undefined) => t(`activities.state.${code}`),
    response: (code: string | null | undefined) => t(`activities.response.${code}`),
    band: (code: string | null | undefined) => t(`activities.band.${code}`),
    dutyKind: (code: string | null | undefined) => t(`activities.dutyKind.${code}`),
    entryState: (code: string | null | undefined) => t(`activities.entryState.${code}`),
    objectionState: (code: string | null | undefined) => t(`activities.objectionState.${code}`),
    level: (code: string | null | undefined) => t(`activities.level.${code}`),
    when: (iso: string | null | undefined) =>
      iso
        ? new Date(iso).toLocaleString(undefined, {
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
          })
        : '',
    d,
  }
}
