/** The city and county dashboard: figures from the rollups (api/rollups). */
import { API_BASE, http, type Query } from './http'
import type { PageQuery, Schemas } from './types'

export type Dashboard = Schemas['DashboardOut']
export type TenantRow = Schemas['TenantRowOut']
export type Totals = Schemas['TotalsOut']
export type CountyTotals = Schemas['CountyTotalsOut']
export type TenantPage = Schemas['DashboardTenantsOut']
/** A row's figures and rates, without who it is. */
export type Figures = Omit<
  TenantRow,
  'id' | 'name' | 'slug' | 'level' | 'county_id' | 'county_name' | 'portal_url' | 'updated_at' | 'decided'
>

export interface DashboardQuery {
  year?: number
  county?: number
}

/** The dashboard's tables (api/rollups/tables.py): also the export's `table` values. */
export const TABLES = ['voting', 'implementation', 'evaluation', 'stations', 'activities', 'opinions'] as const
export type TableName = (typeof TABLES)[number]

export const getDashboard = (query: DashboardQuery = {}) => http.get<Dashboard>('rollups/dashboard', query as Query)

/** The per-tenant rows, a page at a time (by division code). */
export const getDashboardTenants = (query: DashboardQuery & PageQuery) =>
  http.get<TenantPage>('rollups/dashboard/tenants', { ...query })

/** The workbook's address: a plain link downloads it with the session cookie. */
export function dashboardExportUrl(query: DashboardQuery, table?: TableName): string {
  const params = new URLSearchParams()
  if (query.year) params.set('year', String(query.year))
  if (query.county) params.set('county', String(query.county))
  if (table) params.set('table', table)
  const qs = params.toString()
  return `${API_BASE}rollups/dashboard.xlsx${qs ? `?${qs}` : ''}`
}
