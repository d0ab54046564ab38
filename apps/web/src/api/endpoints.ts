import type { Role, StakeholderGroup } from '@co-assess/board-model'
import type { Framework } from '../framework/frameworkTypes.ts'
import { apiFetch } from './apiFetch.ts'
import type { AssessmentDetail, InviteInfo, InviteSummary, IssuedInvite, JoinResult } from './apiTypes.ts'

const seg = encodeURIComponent

export const getInvite = (token: string) => apiFetch<InviteInfo>(`/api/invites/${seg(token)}`)

export const joinWithInvite = (
  token: string,
  body: { displayName: string; organisation: string; group: StakeholderGroup },
) => apiFetch<JoinResult>(`/api/invites/${seg(token)}/join`, { method: 'POST', body })

export const refreshAccess = (refreshToken: string) =>
  apiFetch<{ token: string; expiresAt: string }>('/api/auth/refresh', {
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
