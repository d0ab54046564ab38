import { apiFetch } from './apiFetch.ts'

const seg = encodeURIComponent

export type ShownCount = number | string
export interface FeedbackScores {
  heard: number
  spoke: number
}
export interface SessionFeedbackSummary {
  sessionId: string
  number: number
  startedAt: number
  endedAt: number | null
  answered: ShownCount
  groups: Array<{ group: string; label: string; answered: ShownCount; scores: FeedbackScores | null }>
  overall: FeedbackScores | null
  help: string[]
}
export interface FeedbackSummary {
  threshold: number
  sessions: SessionFeedbackSummary[]
}
export interface FeedbackAnswer {
  heard: number
  spoke: number
  help?: string
}

const sessionPath = (assessmentId: string, sessionId: string) =>
  `/api/assessments/${seg(assessmentId)}/sessions/${seg(sessionId)}/feedback`

export const getMyFeedbackState = (assessmentId: string, sessionId: string, token: string) =>
  apiFetch<{ canAnswer: boolean; answered: boolean; reason: string | null }>(
    `${sessionPath(assessmentId, sessionId)}/mine`,
    { token },
  )

export const sendFeedback = (
  assessmentId: string,
  sessionId: string,
  token: string,
  answer: FeedbackAnswer,
) => apiFetch<{ stored: true }>(sessionPath(assessmentId, sessionId), { method: 'POST', token, body: answer })

export const getFeedbackSummary = (assessmentId: string, token: string, signal?: AbortSignal) =>
  apiFetch<FeedbackSummary>(`/api/assessments/${seg(assessmentId)}/feedback`, {
    token,
    ...(signal ? { signal } : {}),
  })
