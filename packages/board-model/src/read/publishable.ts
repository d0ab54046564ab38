import type { Action, ActionStatus } from '../values.ts'

/**
 * What can go on the public page: commitments and their outcomes. A proposed action is an idea
 * someone raised, not something the organisations agreed to, so publishing it would read as a
 * promise nobody made. "In progress" is an agreed action being worked on, so it may go too. The
 * server refuses the rest; the chair's page says why before they try.
 */
export const PUBLISHABLE_STATUSES: ReadonlySet<ActionStatus> = new Set<ActionStatus>([
  'agreed',
  'in-progress',
  'done',
  'dropped',
])

/**
 * Why an action cannot be published as it stands, as the rest of a sentence about it ("… is
 * proposed, not agreed: …"), in words the chair can act on; null when it can be published.
 */
export function whyNotPublishable(action: Pick<Action, 'status' | 'droppedReason'>): string | null {
  if (!PUBLISHABLE_STATUSES.has(action.status))
    return 'is proposed, not agreed: agree it on the board (or drop it, with a reason) before publishing it'
  if (action.status === 'dropped' && !action.droppedReason.trim())
    return 'was dropped without a reason: the people who raised it are told why, so record the reason before publishing it'
  return null
}
