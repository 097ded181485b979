import { api } from './client'
import { http } from './http'
import type { PageQuery, Schemas } from './types'

export type ImportReport = Schemas['ImportReport']
export type ImportProblem = Schemas['ImportProblem']
export type Listing = Schemas['ListingOut']

export type RosterQuery = PageQuery & { q?: string; status?: 'serving' | 'ended' | '' }
export type DeputyIn = Schemas['DeputyInRequest']
export const listDeputies = (query: RosterQuery = {}) => api.GET('/api/v1/deputies', { query })
/** Staff add one deputy to the current term's roster, or correct an entry. */
export const addDeputy = (body: DeputyIn) => api.POST('/api/v1/deputies', { body })
export const updateDeputy = (id: number, body: Schemas['PatchedDeputyInRequest']) =>
  api.PATCH('/api/v1/deputies/{id}', { path: { id }, body })
export const endDeputyService = (id: number) => api.POST('/api/v1/deputies/{id}/end-service', { path: { id } })
export const getDeputy = (id: number) => api.GET('/api/v1/deputies/{id}', { path: { id } })

/** The roster's Excel import (api/deputies/views.py): a template, then a report per row. */
export const IMPORT_TEMPLATE_URL = '/api/v1/deputies/import-template'
export function importRoster(file: File): Promise<ImportReport> {
  const form = new FormData()
  form.append('file', file)
  return http.postForm<ImportReport>('deputies/import', form)
}
export const linkDeputy = (id: number, login: string) =>
  api.POST('/api/v1/deputies/{id}/link', { path: { id }, body: { login } })

/** Deputies of this congress, those below and those above it: no contact details. */
export const listDirectory = (query: PageQuery & { search?: string; level?: string } = {}) =>
  api.GET('/api/v1/directory/deputies', { query })

/** 届次管理 (api/deputies/terms.py): the terms with their sessions, open one, close it. */
export type Term = Schemas['TermOut']
export type TermOpenIn = Schemas['TermOpenInRequest']
export const listTerms = () => api.GET('/api/v1/terms')
export const openTerm = (body: TermOpenIn) => api.POST('/api/v1/terms', { body })
export const closeTerm = (id: number) => api.POST('/api/v1/terms/{id}/close', { path: { id } })
export const addTermSession = (id: number, opensOn: string) =>
  api.POST('/api/v1/terms/{id}/sessions', { path: { id }, body: { opens_on: opensOn } })
