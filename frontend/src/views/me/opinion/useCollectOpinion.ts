import { reactive } from 'vue'

import { collectOpinion, type CollectIn, type MyOpinion } from '@/api/opinions'
import { listStations, type Station } from '@/api/stations'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

function blank(): CollectIn {
  return {
    content: '',
    citizen_name: '',
    citizen_phone: '',
    category: '',
    station_id: null,
  }
}

/** A deputy logs what constituents told them (on a visit, at their station) from the phone. */
export function useCollectOpinion() {
  const stations = useResource<Station[]>(listStations, [])
  const form = reactive<CollectIn>(blank())
  const save = useAction()

  async function submit(): Promise<MyOpinion | null> {
    let logged: MyOpinion | null = null
    await save.run(async () => {
      logged = await collectOpinion({ ...form })
      Object.assign(form, blank())
    })
    return logged
  }

  return {
    stations: stations.data,
    stationsError: stations.error,
    form,
    busy: save.busy,
    error: save.error,
    fields: save.fields,
    submit,
  }
}
