/** 代表联络站: the staff console and the public station page (api/linkage/stations/views.py). */
import { http } from './http'
import type { components } from './schema'

type Schemas = components['schemas']

export type Tier = Schemas['StationTierEnum']
export type StaffDuty = Schemas['StationStaffDutyEnum']
export type AssessmentState = Schemas['StationAssessmentStateEnum']
export type Station = Schemas['StationOut']
export type StationDetail = Schemas['StationDetail']
export type StationIn = Schemas['StationInRequest']
export type StationPatch = Schemas['PatchedStationUpdateRequest']
export type StaffMember = Schemas['StaffMember']
export type Resident = Schemas['ResidentOut']
export type Reception = Schemas['ReceptionOut']
export type ReceptionIn = Schemas['ReceptionInRequest']
export type StationSettings = Schemas['StationSettings']
export type ChecklistItem = Schemas['ChecklistItem']
export type ChecklistItemIn = Schemas['ChecklistItemRequest']
export type Assessment = Schemas['AssessmentOut']
export type Score = Schemas['ChecklistScoreInRequest']
export type Posting = Schemas['PostingOut']
export type PublicStation = Schemas['StationPublicPage']

export const TIERS: readonly Tier[] = ['hub', 'centre', 'station', 'point']
export const STAFF_DUTIES: readonly StaffDuty[] = ['head', 'deputy_head', 'liaison']

export const listStations = () => http.get<Station[]>('stations')
export const createStation = (body: StationIn) => http.post<StationDetail>('stations', body)
export const getStation = (id: number) => http.get<StationDetail>(`stations/${id}`)
export const updateStation = (id: number, body: StationPatch) =>
  http.patch<StationDetail>(`stations/${id}`, body)
export const setStaff = (id: number, staff: StaffMember[]) =>
  http.put<StationDetail>(`stations/${id}/staff`, { staff })

/** 进站: a deputy of our roster (`deputy`) or one picked from the directory (`listing`). */
export const addResident = (id: number, choice: { deputy: number } | { listing: number }) =>
  http.post<Resident>(`stations/${id}/residents`, choice)
export const endResident = (residentId: number) =>
  http.delete<void>(`stations/residents/${residentId}`)

export const scheduleReception = (id: number, body: ReceptionIn) =>
  http.post<Reception>(`stations/${id}/receptions`, body)
export const publishReception = (receptionId: number) =>
  http.post<Reception>(`stations/receptions/${receptionId}/publish`)
export const cancelReception = (receptionId: number) =>
  http.delete<void>(`stations/receptions/${receptionId}`)

export const getSettings = () => http.get<StationSettings>('stations/settings')
export const saveSettings = (body: StationSettings) =>
  http.put<StationSettings>('stations/settings', body)
export const listChecklist = () => http.get<ChecklistItem[]>('stations/checklist')
export const addChecklistItem = (body: ChecklistItemIn) =>
  http.post<ChecklistItem>('stations/checklist', body)
export const retireChecklistItem = (itemId: number) =>
  http.delete<void>(`stations/checklist/${itemId}`)

export const getAssessment = (id: number, year: number) =>
  http.get<Assessment>(`stations/${id}/assessments/${year}`)
export const selfAssess = (id: number, year: number, scores: Score[]) =>
  http.post<Assessment>(`stations/${id}/assessments/${year}/self`, { scores })
export const reviewAssessment = (id: number, year: number, scores: Score[], note: string) =>
  http.post<Assessment>(`stations/${id}/assessments/${year}/review`, { scores, note })

export const listPostings = () => http.get<Posting[]>('stations/postings')

export const getPublicStation = (id: number) => http.get<PublicStation>(`public/stations/${id}`)
export const stationQrUrl = (id: number) => `/api/v1/public/stations/${id}/qr.svg`
