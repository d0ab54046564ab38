import { plainDate } from '../plainDates.ts'
import type { Action, ActionHistoryEntry } from '../values.ts'

// One wording of a carried action's past, shared by the action card and every report format, so
// the board and the papers never tell the story differently. Its dates are for people ("3 June
// 2025"): the CSV carries this sentence as text, and the ISO dates stay in the board's own data.

const statusWords: Record<ActionHistoryEntry['status'], string> = {
  proposed: 'proposed',
  agreed: 'agreed',
  'in-progress': 'in progress',
  done: 'done',
  dropped: 'dropped',
}

/** How the action was agreed on the earlier board, in words. */
export function agreedThen(entry: ActionHistoryEntry): string {
  if (!entry.agreed) return 'not agreed'
  if (entry.agreed.sessionNumber === null) return 'agreed outside a session'
  const when =
    entry.agreed.sessionStartedAt === null ? '' : `, started ${plainDate(entry.agreed.sessionStartedAt)}`
  return `agreed in session ${entry.agreed.sessionNumber}${when}`
}

/** Whether and how the people who raised it had been told, in words. */
export function toldThen(entry: ActionHistoryEntry): string {
  if (!entry.feedback.toldAt) return 'the people who raised it had not yet been told'
  return `the people who raised it were told on ${plainDate(entry.feedback.toldAt)}${entry.feedback.how ? ` (${entry.feedback.how})` : ''}`
}

/**
 * One earlier assessment's part in the action's story, as a sentence, e.g.
 * `In "Engagement 2025" (started 1 June 2025): status agreed; agreed in session 1, started 3 June 2025; the people who raised it were told on 20 June 2025 (At the June forum).`
 */
export function describeHistoryEntry(entry: ActionHistoryEntry): string {
  return `In "${entry.title}" (started ${plainDate(entry.startedAt)}): status ${statusWords[entry.status]}; ${agreedThen(entry)}; ${toldThen(entry)}.`
}

/**
 * When a carried action that has not been agreed again on this board was agreed: in the most recent
 * earlier assessment, since its session id there means nothing here. Null when there is no history.
 */
export function agreedBefore(action: Pick<Action, 'history'>): string | null {
  const last = action.history?.at(-1)
  if (!last?.agreed) return null
  return `Before this assessment, in "${last.title}": ${agreedThen(last)}`
}

/** How an action stands on agreement on this board, before it is put in words (card and reports). */
export type Agreement =
  | { kind: 'not-yet' }
  /** Dropped while still a proposal: it was never agreed, so nothing may say it was. */
  | { kind: 'never' }
  | { kind: 'session'; sessionId: string }
  /** Agreed on an earlier assessment's board, in words (agreedBefore). */
  | { kind: 'before'; words: string }
  | { kind: 'outside' }

export const NEVER_AGREED = 'Never agreed: dropped while still a proposal'

/**
 * Whether and where an action was agreed. `agreedAt` says whether a chair ever agreed it; actions
 * written before it existed have none, and then a dropped one reads from its session as it used to.
 */
export function agreementOf(
  action: Pick<Action, 'status' | 'agreedInSession' | 'history'> & { agreedAt?: number | null },
): Agreement {
  if (action.status === 'proposed') return { kind: 'not-yet' }
  if (action.status === 'dropped' && action.agreedAt === null) return { kind: 'never' }
  if (action.agreedInSession) return { kind: 'session', sessionId: action.agreedInSession }
  const before = agreedBefore(action)
  return before ? { kind: 'before', words: before } : { kind: 'outside' }
}
