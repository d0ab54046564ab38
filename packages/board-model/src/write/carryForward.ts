import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import { serverOrigin } from '../origins.ts'
import { ACTION_HISTORY_LIMIT, type Action, type ActionHistoryEntry } from '../records/action.ts'
import type { Session } from '../records/session.ts'
import { actionsMap } from '../roots.ts'

/** Actions still open when a workstream is assessed again: neither done nor dropped. */
export const isOpenAction = (a: Action) => a.status !== 'done' && a.status !== 'dropped'

/** The earlier assessment, as its record and board knew it when the re-assessment began. */
export interface PreviousAssessment {
  assessment: { id: string; title: string; createdAt: string }
  actions: readonly Action[]
  /** Its board's sessions, oldest first, as the board numbers them. */
  sessions: readonly Session[]
}

/** Where one action stood on the earlier board: its status, its agreement and whether people were told. */
export function historyEntry(
  action: Action,
  previous: Pick<PreviousAssessment, 'assessment' | 'sessions'>,
  now: number,
): ActionHistoryEntry {
  const index = action.agreedInSession
    ? previous.sessions.findIndex((s) => s.id === action.agreedInSession)
    : -1
  return {
    assessmentId: previous.assessment.id,
    title: previous.assessment.title.slice(0, 200),
    startedAt: previous.assessment.createdAt,
    actionId: action.id,
    status: action.status,
    // A session id that is not on the board (or none) leaves the number unknown rather than guessed.
    agreed:
      action.status === 'proposed'
        ? null
        : {
            sessionNumber: index >= 0 ? index + 1 : null,
            sessionStartedAt: index >= 0 ? previous.sessions[index]!.startedAt : null,
          },
    feedback: { toldAt: action.feedback.toldAt, how: action.feedback.how },
    carriedAt: now,
  }
}

/**
 * Copies open actions into a new board, each a new record that remembers the one it came from and
 * what had happened to it there. The session it was agreed in belongs to the earlier board, so the
 * copy's `agreedInSession` is cleared and the history says which session that was.
 */
export function carryForward(doc: Y.Doc, previous: PreviousAssessment, now = Date.now()): number {
  const open = previous.actions.filter(isOpenAction)
  doc.transact(() => {
    for (const action of open) {
      const id = nanoid()
      const history = [...(action.history ?? []), historyEntry(action, previous, now)].slice(
        -ACTION_HISTORY_LIMIT,
      )
      actionsMap(doc).set(id, {
        ...action,
        id,
        agreedInSession: null,
        carriedFrom: action.id,
        history,
        updatedAt: now,
      })
    }
  }, serverOrigin('reassess'))
  return open.length
}
