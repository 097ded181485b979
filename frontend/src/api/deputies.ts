import { http } from './http'
import type { components } from './schema'
import type { Deputy, Page, PageQuery } from './types'

type Schemas = components['schemas']

export type ImportReport = Schemas['ImportReport']
export type ImportProblem = Schemas['ImportProblem']
export type Listing = Schemas['ListingOut']

export const listDeputies = (query: PageQuery = {}) => http.get<Page<Deputy>>('deputies', query)
export const getDeputy = (id: number) => http.get<Deputy>(`deputies/${id}`)

/** The roster's Excel import (api/deputies/views.py): a template, then a report per row. */
export const IMPORT_TEMPLATE_URL = '/api/v1/deputies/import-template'
export function importRoster(file: File): Promise<ImportReport> {
  const form = new FormData()
  form.append('file', file)
  return http.postForm<ImportReport>('deputies/import', form)
}
export const linkDeputy = (id: number, login: string) =>
  http.post<Deputy>(`deputies/${id}/link`, { login })

/** Deputies of this congress, those below and those above it: no contact details. */
export const listDirectory = (query: PageQuery & { search?: string; level?: string } = {}) =>
  http.get<Page<Listing>>('directory/deputies', query)
