import { apiFetch } from '../api/apiFetch.ts'
import type { JoinResult } from '../api/apiTypes.ts'

/** The staff API (apps/server/src/http/routes/staffRoutes.ts, organisationRoutes.ts); the session is a cookie. */

export type StaffRole = 'administrator' | 'lead' | 'member'

export interface StaffMe {
  staff: { id: string; name: string; role: StaffRole; organisationId: string }
  organisation: { id: string; name: string; places: string[] }
}

export interface Standing {
  areasInScope: number
  areasAgreed: number
  openActions: number
  notFedBack: number
  nextSession: string | null
}

export interface OrganisationAssessment {
  id: string
  title: string
  workstream: string
  frameworkId: string
  createdAt: string
  previousAssessmentId: string | null
  place: string | null
  scope: 'strategic' | 'operational'
  horizon: 'looking-back' | 'looking-forward' | null
  standing: Standing | null
}

export interface WorkstreamHistory {
  workstream: string
  frameworkId: string
  assessments: Array<{ id: string; title: string; createdAt: string; levels: Record<string, string> }>
}

export interface NewAssessmentInput {
  title: string
  frameworkId: string
  workstream: string
  place: string | null
  areaIds: string[]
  scope: 'strategic' | 'operational'
  horizon: 'looking-back' | 'looking-forward'
  sessionDates: string[]
}

export interface FrameworkChoice {
  id: string
  version: string
  title: string
}

const seg = encodeURIComponent

export const staffSignInOptions = () => apiFetch<{ provider: boolean }>('/api/staff/sign-in-options')
export const staffMe = () => apiFetch<StaffMe>('/api/staff/me')
export const staffSignOut = () => apiFetch<null>('/api/staff/sign-out', { method: 'POST' })
export const staffLink = (token: string) =>
  apiFetch<{ organisation: { name: string }; role: StaffRole; provider: boolean }>(
    `/api/staff/join/${seg(token)}`,
  )
export const acceptStaffLink = (token: string, name: string) =>
  apiFetch<StaffMe['staff']>(`/api/staff/join/${seg(token)}`, { method: 'POST', body: { name } })
export const organisationAssessments = (organisationId: string) =>
  apiFetch<{ assessments: OrganisationAssessment[] }>(`/api/organisations/${seg(organisationId)}/assessments`)
export const organisationHistory = (organisationId: string) =>
  apiFetch<{ workstreams: WorkstreamHistory[] }>(`/api/organisations/${seg(organisationId)}/history`)
export const listFrameworks = () => apiFetch<FrameworkChoice[]>('/api/frameworks')
export const createOrganisationAssessment = (organisationId: string, input: NewAssessmentInput) =>
  apiFetch<{ assessment: { id: string; title: string }; chair: JoinResult }>(
    `/api/organisations/${seg(organisationId)}/assessments`,
    { method: 'POST', body: input },
  )
export const chairAssessment = (assessmentId: string) =>
  apiFetch<JoinResult>(`/api/staff/assessments/${seg(assessmentId)}/chair`, { method: 'POST', body: {} })
export const reassessAssessment = (assessmentId: string) =>
  apiFetch<{ assessment: { id: string; title: string }; carriedForward: number; chair: JoinResult }>(
    `/api/staff/assessments/${seg(assessmentId)}/reassess`,
    { method: 'POST', body: {} },
  )
export const inviteStaff = (organisationId: string, role: StaffRole) =>
  apiFetch<{ token: string; path: string; role: StaffRole; expiresAt: string }>(
    `/api/organisations/${seg(organisationId)}/staff-invites`,
    { method: 'POST', body: { role } },
  )

export interface PlaceLevels {
  place: string
  assessmentId: string
  title: string
  createdAt: string
  levels: Record<string, string>
}

export const organisationPlaces = (organisationId: string) =>
  apiFetch<{ frameworks: Array<{ frameworkId: string; places: PlaceLevels[] }> }>(
    `/api/organisations/${seg(organisationId)}/places`,
  )
