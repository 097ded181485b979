import type { components } from './schema'

/** The schema's named shapes, from which each API module names its own types. */
export type Schemas = components['schemas']

export type Role = Schemas['RoleEnum']
export type CongressLevel = Schemas['CongressLevelEnum']
export type CongressBrief = Schemas['CongressBrief']
export type Congress = Schemas['CongressOut']
export type CongressProvisionIn = Schemas['CongressProvisionInRequest']
export type ProvisioningJob = Schemas['ProvisioningJobOut']
export type DeadDispatch = Schemas['DeadDispatch']
export type ProvisioningState = Schemas['StateEnum']
export type Session = Schemas['SessionOut']
export type SessionUser = Schemas['UserOut']
export type Membership = Schemas['MembershipOut']
export type LoginIn = Schemas['LoginInRequest']
export type PasswordChangeIn = Schemas['PasswordChangeInRequest']
export type SwitchOut = Schemas['SwitchOut']
export type HandoffIn = Schemas['HandoffInRequest']
export type Deputy = Schemas['DeputyOut']
export type AuditEntry = Schemas['AuditEntryOut']

export interface Page<T> {
  count: number
  next?: string | null
  previous?: string | null
  results: T[]
}

export interface PageQuery {
  page?: number
  page_size?: number
  [key: string]: string | number | boolean | null | undefined
}

export const ROLES: readonly Role[] = [
  'system_admin',
  'security_admin',
  'audit_admin',
  'staff',
  'deputy',
  'unit',
  'party_reviewer',
  'teller',
]

export const LEVELS: readonly CongressLevel[] = ['city', 'county', 'township']

/** The level a congress's parent must have (a city has none). */
export const PARENT_LEVEL: Record<CongressLevel, CongressLevel | null> = {
  city: null,
  county: 'city',
  township: 'county',
}
