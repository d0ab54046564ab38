import type * as Y from 'yjs'
import { type Session, sessionSchema } from '../records/session.ts'
import { sessionsMap } from '../roots.ts'

/** A session record written again: the attendance it held before, and the origin of the write. */
export interface SessionRewrite {
  sessionId: string
  attendedBefore: string[]
  origin: unknown
}

/**
 * Calls `onRewrite` for each session record a transaction replaced, with the attendance the record
 * held before (read through the session's codec; a record that does not parse is skipped). Returns
 * the function that stops watching.
 */
export function observeSessionRewrites(doc: Y.Doc, onRewrite: (rewrite: SessionRewrite) => void): () => void {
  const sessions = sessionsMap(doc)
  const observer = (event: Y.YMapEvent<Session>) => {
    for (const [sessionId, change] of event.changes.keys) {
      if (change.action !== 'update') continue
      const before = sessionSchema.safeParse(change.oldValue)
      if (!before.success) continue
      onRewrite({ sessionId, attendedBefore: before.data.attendance, origin: event.transaction.origin })
    }
  }
  sessions.observe(observer)
  return () => sessions.unobserve(observer)
}
