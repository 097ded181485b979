/** 代表联络站: the staff console and the public station page (api/linkage/stations/views.py). */
import { api } from './client'
import type { Schemas } from './types'

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

export const listStations = () => api.GET('/api/v1/stations')
export const createStation = (body: StationIn) => api.POST('/api/v1/stations', { body })
export const getStation = (id: number) => api.GET('/api/v1/stations/{id}', { path: { id } })
export const updateStation = (id: number, body: StationPatch) =>
  api.PATCH('/api/v1/stations/{id}', { path: { id }, body })
export const setStaff = (id: number, staff: StaffMember[]) =>
  api.PUT('/api/v1/stations/{id}/staff', { path: { id }, body: { staff } })

/** 进站: a deputy of our roster (`deputy`) or one picked from the directory (`listing`). */
export const addResident = (id: number, choice: { deputy: number } | { listing: number }) =>
  api.POST('/api/v1/stations/{id}/residents', { path: { id }, body: choice })
export const endResident = (residentId: number) =>
  api.DELETE('/api/v1/stations/residents/{id}', { path: { id: residentId } })

export const scheduleReception = (id: number, body: ReceptionIn) =>
  api.POST('/api/v1/stations/{id}/receptions', { path: { id }, body })
export const publishReception = (receptionId: number) =>
  api.POST('/api/v1/stations/receptions/{id}/publish', { path: { id: receptionId } })
export const holdReception = (receptionId: number, absent: number[] = []) =>
  api.POST('/api/v1/stations/receptions/{id}/hold', {
    path: { id: receptionId },
    body: { absent },
  })
export const cancelReception = (receptionId: number) =>
  api.DELETE('/api/v1/stations/receptions/{id}', { path: { id: receptionId } })

export const getSettings = () => api.GET('/api/v1/stations/settings')
export const saveSettings = (body: StationSettings) => api.PUT('/api/v1/stations/settings', { body })
export const listChecklist = () => api.GET('/api/v1/stations/checklist')
export const addChecklistItem = (body: ChecklistItemIn) => api.POST('/api/v1/stations/checklist', { body })
export const retireChecklistItem = (itemId: number) =>
  api.DELETE('/api/v1/stations/checklist/{id}', { path: { id: itemId } })

export const getAssessment = (id: number, year: number) =>
  api.GET('/api/v1/stations/{id}/assessments/{year}', { path: { id, year } })
export const selfAssess = (id: number, year: number, scores: Score[]) =>
  api.POST('/api/v1/stations/{id}/assessments/{year}/self', {
    path: { id, year },
    body: { scores },
  })

export const listPostings = () => api.GET('/api/v1/stations/postings')

export const getPublicStation = (id: number) => api.GET('/api/v1/public/stations/{id}', { path: { id } })
export const stationQrUrl = (id: number) => `/api/v1/public/stations/${id}/qr.svg`
