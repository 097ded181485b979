/** 实施监督: the project board, one project's records, the unit's progress reports, supervision
 * and the mid-year report (api/implementation/views.py). */
import { http } from './http'
import type { components } from './schema'

type Schemas = components['schemas']

export type ProjectRow = Schemas['ProjectRow']
export type ProjectDetail = Schemas['ProjectDetail']
export type Milestone = Schemas['Milestone']
export type Rectification = Schemas['Rectification']
export type RectificationSource = Schemas['RectificationSourceEnum']
export type Light = Schemas['LightEnum']
export type Unit = Schemas['Unit']
export type Midyear = Schemas['Midyear']
export type PlanIn = Schemas['PlanInRequest']
export type ReportIn = Schemas['ReportInRequest']
export type RectificationIn = Schemas['RectificationInRequest']

export const LIGHTS: readonly Light[] = ['green', 'yellow', 'red']

export const listProjects = (cycle?: number) =>
  http.get<ProjectRow[]>('implementation/projects', { cycle })
export const getProject = (id: number) => http.get<ProjectDetail>(`implementation/projects/${id}`)
export const handOver = (cycleId: number) =>
  http.post<ProjectRow[]>(`implementation/cycles/${cycleId}/hand-over`)
export const savePlan = (id: number, body: PlanIn) =>
  http.post<ProjectDetail>(`implementation/projects/${id}/plan`, body)
export const postReport = (id: number, body: ReportIn) =>
  http.post<ProjectDetail>(`implementation/projects/${id}/reports`, body)
export const addMilestone = (id: number, body: { title: string; due_on: string }) =>
  http.post<Milestone>(`implementation/projects/${id}/milestones`, body)
export const milestoneDone = (id: number, doneOn: string) =>
  http.post<Milestone>(`implementation/milestones/${id}/done`, { done_on: doneOn })
export const recordInspection = (id: number, body: { held_on: string; findings: string }) =>
  http.post(`implementation/projects/${id}/inspections`, body)
export const openRectification = (id: number, body: RectificationIn) =>
  http.post<Rectification>(`implementation/projects/${id}/rectifications`, body)
export const closeRectification = (id: number, note: string) =>
  http.post<Rectification>(`implementation/rectifications/${id}/close`, { note })
export const listUnits = () => http.get<Unit[]>('implementation/units')
export const getMidyear = (cycleId: number) =>
  http.get<Midyear>(`implementation/cycles/${cycleId}/midyear`)

/** Today in the reader's calendar, as the API's dates are written (YYYY-MM-DD). */
export function isoToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
