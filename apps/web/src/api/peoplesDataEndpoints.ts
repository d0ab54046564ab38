import { apiFetch } from './apiFetch.ts'

const seg = encodeURIComponent

export interface EqualityQuestion {
  id: string
  question: string
  hint?: string
  options: Array<{ id: string; label: string }>
}
export type ShownCount = number | string
export interface EqualitySummary {
  respondents: ShownCount
  threshold: number
  questions: Array<{
    id: string
    question: string
    counts: Array<{ id: string; label: string; count: ShownCount }>
  }>
}
export interface GroupDef {
  id: string
  label: string
}

export const getEqualityQuestions = () =>
  apiFetch<{ questions: EqualityQuestion[] }>('/api/equality/questions')

export const sendEqualityAnswers = (assessmentId: string, token: string, answers: Record<string, string>) =>
  apiFetch<{ stored: true }>(`/api/assessments/${seg(assessmentId)}/equality`, {
    method: 'POST',
    token,
    body: answers,
  })

export const getEqualitySummary = (assessmentId: string, token: string) =>
  apiFetch<EqualitySummary>(`/api/assessments/${seg(assessmentId)}/equality`, { token })

export const setGroups = (
  assessmentId: string,
  token: string,
  groups: Array<{ id?: string; label: string }>,
) =>
  apiFetch<{ groups: GroupDef[] }>(`/api/assessments/${seg(assessmentId)}/groups`, {
    method: 'PUT',
    token,
    body: { groups },
  })

export const inviteWithGroups = (
  assessmentId: string,
  token: string,
  role: string,
  groups: string[] | undefined,
) =>
  apiFetch<{ id: string; token: string; path: string }>(`/api/assessments/${seg(assessmentId)}/invites`, {
    method: 'POST',
    token,
    body: { role, expiresInDays: 14, ...(groups ? { groups } : {}) },
  })

export const eraseName = (assessmentId: string, token: string, personId: string) =>
  apiFetch<{ erased: string[] }>(`/api/assessments/${seg(assessmentId)}/people/${seg(personId)}/erase`, {
    method: 'POST',
    token,
    body: {},
  })

export const setRetention = (assessmentId: string, token: string, days: number | null) =>
  apiFetch<{ retentionDays: number | null; deleteAt: string | null }>(
    `/api/assessments/${seg(assessmentId)}/retention`,
    { method: 'PUT', token, body: { days } },
  )

export const deleteAssessment = (assessmentId: string, token: string, confirmTitle: string) =>
  apiFetch<{ deleted: string }>(`/api/assessments/${seg(assessmentId)}`, {
    method: 'DELETE',
    token,
    body: { confirmTitle },
  })
