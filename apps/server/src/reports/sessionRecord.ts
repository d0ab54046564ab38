import { identityOf, type Person, readPeople, readSessions } from '@co-assess/board-model'
import type { SessionFeedbackSummary } from '../sessionFeedback/summariseFeedback.ts'
import type { Redaction } from './redaction.ts'

/** One session as the chair's report records it: when, who came, and whether people felt heard. */
export interface ReportSession {
  number: number
  startedAt: string
  endedAt: string | null
  /** Who came, each person once however many devices, as the chair's copy may show them. */
  attendance: string[]
  /** "Did you feel heard?" for this session, suppressed by group; null while it runs. */
  feedback: SessionFeedbackSummary | null
}

/**
 * Every session of the board, for the chair's reports only: attendance names people, and session
 * feedback is the chair's to read. People are shown through the report's own redaction (names only
 * when the chair asked for them), so a name erased on request reads as what they were there as.
 */
export function sessionRecord(
  doc: Parameters<typeof readPeople>[0],
  redact: Pick<Redaction, 'person'>,
  feedback: readonly SessionFeedbackSummary[],
): ReportSession[] {
  const people = readPeople(doc)
  return readSessions(doc).map((session, index) => {
    const seen = new Map<string, Person | undefined>()
    for (const id of session.attendance) {
      const person = people.get(id)
      const key = person ? identityOf(person) : `unknown\u0000${id}`
      if (!seen.has(key)) seen.set(key, person)
    }
    return {
      number: index + 1,
      startedAt: new Date(session.startedAt).toISOString(),
      endedAt: session.endedAt === null ? null : new Date(session.endedAt).toISOString(),
      attendance: [...seen.values()].map((p) => redact.person(p)).sort((a, b) => a.localeCompare(b, 'en-GB')),
      feedback: feedback.find((f) => f.sessionId === session.id) ?? null,
    }
  })
}
