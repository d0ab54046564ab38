import type {
  Deleted,
  EqualityQuestions,
  EqualityStored,
  EqualitySummary,
  Erased,
  Groups,
  GroupsInput,
  IssuedInvite,
  Retention,
} from '@co-assess/api-contract'
import { apiFetch } from './apiFetch.ts'

const seg = encodeURIComponent

export type { EqualityQuestion, EqualitySummary, ShownCount } from '@co-assess/api-contract'
export type GroupDef = Groups['groups'][number]

export const getEqualityQuestions = () => apiFetch<EqualityQuestions>('/api/equality/questions')

export const sendEqualityAnswers = (assessmentId: string, token: string, answers: Record<string, string>) =>
  apiFetch<EqualityStored>(`/api/assessments/${seg(assessmentId)}/equality`, {
    method: 'POST',
    token,
    body: answers,
  })

export const getEqualitySummary = (assessmentId: string, token: string) =>
  apiFetch<EqualitySummary>(`/api/assessments/${seg(assessmentId)}/equality`, { token })

export const setGroups = (assessmentId: string, token: string, groups: GroupsInput['groups']) =>
  apiFetch<Groups>(`/api/assessments/${seg(assessmentId)}/groups`, {
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
  apiFetch<IssuedInvite>(`/api/assessments/${seg(assessmentId)}/invites`, {
    method: 'POST',
    token,
    body: { role, expiresInDays: 14, ...(groups ? { groups } : {}) },
  })

export const eraseName = (assessmentId: string, token: string, personId: string) =>
  apiFetch<Erased>(`/api/assessments/${seg(assessmentId)}/people/${seg(personId)}/erase`, {
    method: 'POST',
    token,
    body: {},
  })

export const setRetention = (assessmentId: string, token: string, days: number | null) =>
  apiFetch<Retention>(`/api/assessments/${seg(assessmentId)}/retention`, {
    method: 'PUT',
    token,
    body: { days },
  })

export const deleteAssessment = (assessmentId: string, token: string, confirmTitle: string) =>
  apiFetch<Deleted>(`/api/assessments/${seg(assessmentId)}`, {
    method: 'DELETE',
    token,
    body: { confirmTitle },
  })
