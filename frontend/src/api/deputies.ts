import { http } from './http'
import type { Deputy, Page, PageQuery } from './types'

export const listDeputies = (query: PageQuery = {}) => http.get<Page<Deputy>>('deputies', query)
export const getDeputy = (id: number) => http.get<Deputy>(`deputies/${id}`)
