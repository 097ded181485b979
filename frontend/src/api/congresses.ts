import { api } from './client'
import type { CongressProvisionIn, PageQuery } from './types'

export const listCongresses = (query: PageQuery = {}) => api.GET('/api/v1/congresses', { query })
export const provisionCongress = (body: CongressProvisionIn) => api.POST('/api/v1/congresses', { body })
export const getProvisioningJob = (id: number) => api.GET('/api/v1/provisioning-jobs/{id}', { path: { id } })
export const listDeadDispatches = () => api.GET('/api/v1/crossing/dead', {})
export const retryDispatch = (id: number) => api.POST('/api/v1/crossing/dispatches/{id}/retry', { path: { id } })
