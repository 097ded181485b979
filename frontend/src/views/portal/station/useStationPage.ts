import { onMounted, ref } from 'vue'

import { errorMessage } from '@/api/http'
import { getPublicStation, stationQrUrl, type PublicStation } from '@/api/stations'

/** The public page of one station: its particulars, residents and published rota. */
export function useStationPage(stationId: number) {
  const station = ref<PublicStation | null>(null)
  const loading = ref(true)
  const error = ref('')

  onMounted(async () => {
    try {
      station.value = await getPublicStation(stationId)
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  })

  return { station, loading, error, qrUrl: stationQrUrl(stationId) }
}
