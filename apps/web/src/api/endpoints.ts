import type {
  AccessToken,
  AnonymousName,
  AssessmentDetail,
  InviteInfo,
  InviteSummary,
  IssuedInvite,
  JoinInput,
  JoinResult,
  PublicationPreview,
  PublicationState,
  Published,
  Reassessment,
  ReportLinks,
  Withdrawn,
} from '@co-assess/api-contract'
import type { Role } from '@co-assess/board-model'
import type { Framework } from '../framework/frameworkTypes.ts'
import { apiFetch } from './apiFetch.ts'

const seg = encodeURIComponent

export const getInvite = (token: string) => apiFetch<InviteInfo>(`/api/invites/${seg(token)}`)

export const joinWithInvite = (token: string, body: JoinInput) =>
  apiFetch<JoinResult>(`/api/invites/${seg(token)}/join`, { method: 'POST', body })

export const refreshAccess = (refreshToken: string) =>
  apiFetch<AccessToken>('/api/auth/refresh', {
    method: 'POST',
    body: { refreshToken },
  })

export const getAssessment = (assessmentId: string, token: string) =>
  apiFetch<AssessmentDetail>(`/api/assessments/${seg(assessmentId)}`, { token })

export const getFramework = (frameworkId: string) =>
  apiFetch<Framework>(`/api/frameworks/${seg(frameworkId)}`)

export const createInvite = (assessmentId: string, token: string, role: Role, expiresInDays: number) =>
  apiFetch<IssuedInvite>(`/api/assessments/${seg(assessmentId)}/invites`, {
    method: 'POST',
    token,
    body: { role, expiresInDays },
  })

export const listInvites = (assessmentId: string, token: string) =>
  apiFetch<InviteSummary[]>(`/api/assessments/${seg(assessmentId)}/invites`, { token })

export const revokeInvite = (assessmentId: string, token: string, inviteId: string) =>
  apiFetch<InviteSummary>(`/api/assessments/${seg(assessmentId)}/invites/${seg(inviteId)}`, {
    method: 'DELETE',
    token,
  })

export const getReportLinks = (assessmentId: string, token: string) =>
  apiFetch<ReportLinks>(`/api/assessments/${seg(assessmentId)}/report-links`, { method: 'POST', token })

export const getPublication = (assessmentId: string, token: string) =>
  apiFetch<PublicationState>(`/api/assessments/${seg(assessmentId)}/publication`, { token })

export const getAnonymousName = (assessmentId: string, token: string) =>
  apiFetch<AnonymousName>(`/api/assessments/${seg(assessmentId)}/me/anonymous-name`, { token })

export const previewPublication = (assessmentId: string, token: string, actionIds: string[]) =>
  apiFetch<PublicationPreview>(`/api/assessments/${seg(assessmentId)}/publication/preview`, {
    method: 'POST',
    token,
    body: { actionIds },
  })

export const publish = (assessmentId: string, token: string, actionIds: string[], confirmedNames: string[]) =>
  apiFetch<Published>(`/api/assessments/${seg(assessmentId)}/publication`, {
    method: 'POST',
    token,
    body: { actionIds, confirmedNames },
  })

export const withdrawPublication = (assessmentId: string, token: string) =>
  apiFetch<Withdrawn>(`/api/assessments/${seg(assessmentId)}/publication`, {
    method: 'DELETE',
    token,
  })

export const reassess = (assessmentId: string, token: string) =>
  apiFetch<Reassessment>(`/api/assessments/${seg(assessmentId)}/reassess`, {
    method: 'POST',
    token,
    body: {},
  })
