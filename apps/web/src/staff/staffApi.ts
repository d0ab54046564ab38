import type {
  FrameworkChoice,
  JoinResult,
  NewAssessmentInput,
  OrganisationAssessments,
  OrganisationHistory,
  OrganisationPlaces,
  PlannedAssessment,
  SignInOptions,
  StaffInviteIssued,
  StaffLinkInfo,
  StaffMe,
  StaffReassessment,
  StaffRole,
} from '@co-assess/api-contract'
import { apiFetch } from '../api/apiFetch.ts'

/** The staff API (packages/api-contract: staff.ts, organisations.ts); the session is a cookie. */

export type {
  FrameworkChoice,
  NewAssessmentInput,
  OrganisationAssessment,
  PlaceLevels,
  StaffMe,
  StaffRole,
  Standing,
  WorkstreamHistory,
} from '@co-assess/api-contract'

const seg = encodeURIComponent

export const staffSignInOptions = () => apiFetch<SignInOptions>('/api/staff/sign-in-options')
export const staffMe = () => apiFetch<StaffMe>('/api/staff/me')
export const staffSignOut = () => apiFetch<null>('/api/staff/sign-out', { method: 'POST' })
export const staffLink = (token: string) => apiFetch<StaffLinkInfo>(`/api/staff/join/${seg(token)}`)
export const acceptStaffLink = (token: string, name: string) =>
  apiFetch<StaffMe['staff']>(`/api/staff/join/${seg(token)}`, { method: 'POST', body: { name } })
export const organisationAssessments = (organisationId: string) =>
  apiFetch<OrganisationAssessments>(`/api/organisations/${seg(organisationId)}/assessments`)
export const organisationHistory = (organisationId: string) =>
  apiFetch<OrganisationHistory>(`/api/organisations/${seg(organisationId)}/history`)
export const listFrameworks = () => apiFetch<FrameworkChoice[]>('/api/frameworks')
export const createOrganisationAssessment = (organisationId: string, input: NewAssessmentInput) =>
  apiFetch<PlannedAssessment>(`/api/organisations/${seg(organisationId)}/assessments`, {
    method: 'POST',
    body: input,
  })
export const chairAssessment = (assessmentId: string) =>
  apiFetch<JoinResult>(`/api/staff/assessments/${seg(assessmentId)}/chair`, { method: 'POST', body: {} })
export const reassessAssessment = (assessmentId: string) =>
  apiFetch<StaffReassessment>(`/api/staff/assessments/${seg(assessmentId)}/reassess`, {
    method: 'POST',
    body: {},
  })
export const inviteStaff = (organisationId: string, role: StaffRole) =>
  apiFetch<StaffInviteIssued>(`/api/organisations/${seg(organisationId)}/staff-invites`, {
    method: 'POST',
    body: { role },
  })

export const organisationPlaces = (organisationId: string) =>
  apiFetch<OrganisationPlaces>(`/api/organisations/${seg(organisationId)}/places`)
