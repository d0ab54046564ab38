import type { SessionFeedback } from './records.ts'

const canonical = (f: SessionFeedback) =>
  JSON.stringify([f.sessionId, f.group, f.heard, f.spoke, f.help ?? ''])

/** By the answers' own content, so every store lists them alike and the order says nothing about who answered when. */
export const bySessionFeedback = (a: SessionFeedback, b: SessionFeedback): number => {
  const x = canonical(a)
  const y = canonical(b)
  return x < y ? -1 : x > y ? 1 : 0
}
