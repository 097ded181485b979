/** The setup checklist (开通向导): each item's state, derived by the server from the rows. */
import { api } from './client'
import type { Schemas } from './types'

export type SetupChecklist = Schemas['SetupChecklistOut']
export type SetupItem = Schemas['SetupItemOut']
export type SetupKey = SetupItem['key']

export const getSetupChecklist = () => api.GET('/api/v1/setup/checklist')
