import type { FeedbackAnswer, FeedbackState, FeedbackStored, FeedbackSummary } from '@co-assess/api-contract'
import { apiFetch } from './apiFetch.ts'

const seg = encodeURIComponent

export type {
  FeedbackAnswer,
  FeedbackScores,
  FeedbackSummary,
  SessionFeedbackSummary,
  ShownCount,
} from '@co-assess/api-contract'

const sessionPath = (assessmentId: string, sessionId: string) =>
  `/api/assessments/${seg(assessmentId)}/sessions/${seg(sessionId)}/feedback`

export const getMyFeedbackState = (assessmentId: string, sessionId: string, token: string) =>
  apiFetch<FeedbackState>(`${sessionPath(assessmentId, sessionId)}/mine`, { token })

export const sendFeedback = (
  assessmentId: string,
  sessionId: string,
  token: string,
  answer: FeedbackAnswer,
) => apiFetch<FeedbackStored>(sessionPath(assessmentId, sessionId), { method: 'POST', token, body: answer })

export const getFeedbackSummary = (assessmentId: string, token: string, signal?: AbortSignal) =>
  apiFetch<FeedbackSummary>(`/api/assessments/${seg(assessmentId)}/feedback`, {
    token,
    ...(signal ? { signal } : {}),
  })
