import { hasGroup, identityOf, readPeople, readSessions, takesPart } from '@co-assess/board-model'
import type * as Y from 'yjs'

export type MayAnswer =
  | {
      ok: true
      group: string
      sessionId: string /** The same person on every device they joined from. */
      respondentId: string
    }
  | { ok: false; status: 403 | 404 | 409; message: string }

/**
 * Whether a person may answer "Did you feel heard?" for a session, read from the board: a person
 * who took part for a group (not an observer, a peer reviewer or a chair facilitating with no group),
 * in a session that has ended and that they attended from one of their devices.
 */
export function whoMayAnswer(doc: Y.Doc, personId: string, sessionId: string): MayAnswer {
  const people = readPeople(doc)
  const me = people.get(personId)
  if (!me || !takesPart(me) || !hasGroup(me.group))
    return {
      ok: false,
      status: 403,
      message: 'Only people taking part for a group are asked whether they felt heard.',
    }
  const session = readSessions(doc).find((s) => s.id === sessionId)
  if (!session) return { ok: false, status: 404, message: 'There is no such session on this board.' }
  if (session.endedAt === null)
    return {
      ok: false,
      status: 409,
      message: 'This session is still running: answer once the chair ends it.',
    }
  const mine = [...people.values()].filter((p) => identityOf(p) === identityOf(me))
  if (!mine.some((p) => session.attendance.includes(p.id)))
    return { ok: false, status: 403, message: 'You were not at this session, so there is nothing to answer.' }
  // Joining again from another device makes another record: the first one stands for the person.
  const first = mine.reduce((a, b) => (b.joinedAt < a.joinedAt ? b : a))
  return { ok: true, group: me.group, sessionId, respondentId: first.id }
}
