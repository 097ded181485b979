import { http } from './http'
import type { Congress, CongressProvisionIn, Page, PageQuery, ProvisioningJob } from './types'

export const listCongresses = (query: PageQuery = {}) =>
  http.get<Page<Congress>>('congresses', query)
export const provisionCongress = (body: CongressProvisionIn) =>
  http.post<ProvisioningJob>('congresses', body)
export const getProvisioningJob = (id: number) =>
  http.get<ProvisioningJob>(`provisioning-jobs/${id}`)
