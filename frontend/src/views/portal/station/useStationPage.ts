import { getPublicStation, stationQrUrl, type PublicStation } from '@/api/stations'
import { useResource } from '@/composables/useResource'

/** The public page of one station: its particulars, residents and published rota. */
export function useStationPage(stationId: number) {
  const { data: station, loading, error } = useResource<PublicStation | null>(() => getPublicStation(stationId), null)
  return { station, loading, error, qrUrl: stationQrUrl(stationId) }
}
