/** 实施监督: the project board, one project's records, the unit's progress reports, supervision
 * and the mid-year report (api/implementation/views.py). */
import { isoDay } from '@/utils/dates'

import { api } from './client'
import type { Schemas } from './types'

export type ProjectRow = Schemas['ProjectRow']
export type ProjectDetail = Schemas['ProjectDetail']
export type Milestone = Schemas['Milestone']
export type Rectification = Schemas['Rectification']
export type RectificationSource = Schemas['RectificationSourceEnum']
export type Light = Schemas['LightEnum']
export type Unit = Schemas['Unit']
export type UnitAccount = Schemas['UnitAccount']
export type Midyear = Schemas['Midyear']
export type PlanIn = Schemas['PlanInRequest']
export type ReportIn = Schemas['ReportInRequest']
export type RectificationIn = Schemas['RectificationInRequest']
export type StageRow = Schemas['StageRow']
export type StageIn = Schemas['StageInRequest']
export type SupervisionGroup = Schemas['SupervisionGroup']

export const LIGHTS: readonly Light[] = ['green', 'yellow', 'red']

export const listProjects = (cycle?: number) => api.GET('/api/v1/implementation/projects', { query: { cycle } })
export const getProject = (id: number) => api.GET('/api/v1/implementation/projects/{id}', { path: { id } })
export const handOver = (cycleId: number) =>
  api.POST('/api/v1/implementation/cycles/{id}/hand-over', { path: { id: cycleId } })
export const savePlan = (id: number, body: PlanIn) =>
  api.POST('/api/v1/implementation/projects/{id}/plan', { path: { id }, body })
export const postReport = (id: number, body: ReportIn) =>
  api.POST('/api/v1/implementation/projects/{id}/reports', { path: { id }, body })
export const addMilestone = (id: number, body: { title: string; due_on: string }) =>
  api.POST('/api/v1/implementation/projects/{id}/milestones', { path: { id }, body })
export const milestoneDone = (id: number, doneOn: string) =>
  api.POST('/api/v1/implementation/milestones/{id}/done', {
    path: { id },
    body: { done_on: doneOn },
  })
export const recordInspection = (id: number, body: { held_on: string; findings: string }) =>
  api.POST('/api/v1/implementation/projects/{id}/inspections', { path: { id }, body })
export const openRectification = (id: number, body: RectificationIn) =>
  api.POST('/api/v1/implementation/projects/{id}/rectifications', { path: { id }, body })
export const closeRectification = (id: number, note: string) =>
  api.POST('/api/v1/implementation/rectifications/{id}/close', { path: { id }, body: { note } })
export const listStages = (cycle?: number) => api.GET('/api/v1/implementation/stages', { query: { cycle } })
export const setStage = (projectId: number, body: StageIn) =>
  api.POST('/api/v1/implementation/projects/{id}/stages', { path: { id: projectId }, body })
export const removeStage = (id: number) => api.DELETE('/api/v1/implementation/stages/{id}', { path: { id } })
export const listSupervisionGroups = (cycle?: number) =>
  api.GET('/api/v1/implementation/supervision-groups', { query: { cycle } })
export const setSupervisors = (projectId: number, deputyIds: number[]) =>
  api.POST('/api/v1/implementation/projects/{id}/supervisors', {
    path: { id: projectId },
    body: { deputy_ids: deputyIds },
  })
export const listUnits = () => api.GET('/api/v1/implementation/units')
export const listUnitAccounts = () => api.GET('/api/v1/implementation/unit-accounts')
export const createUnit = (name: string, memberIds: number[] = []) =>
  api.POST('/api/v1/implementation/units', { body: { name, member_ids: memberIds } })
export const getMidyear = (cycleId: number) =>
  api.GET('/api/v1/implementation/cycles/{id}/midyear', { path: { id: cycleId } })
export const submitMidyear = (cycleId: number, body: { title: string; body: string; heard_on: string }) =>
  api.POST('/api/v1/implementation/cycles/{id}/midyear', { path: { id: cycleId }, body })
export const recordMidyearOpinions = (cycleId: number, body: { opinions: string; on: string }) =>
  api.POST('/api/v1/implementation/cycles/{id}/midyear/opinions', { path: { id: cycleId }, body })
export const answerMidyear = (cycleId: number, body: { answer: string; on: string }) =>
  api.POST('/api/v1/implementation/cycles/{id}/midyear/answer', { path: { id: cycleId }, body })

/** Today in the reader's calendar, as the API's dates are written (YYYY-MM-DD). */
export const isoToday = (now: Date = new Date()): string => isoDay(now)
