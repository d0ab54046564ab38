import type { Action, ActionStatus, Person, Role, StakeholderGroup, Thread } from '@co-assess/board-model'

export interface ThreadFilter {
  group: StakeholderGroup | 'all'
  state: 'open' | 'resolved' | 'all'
  areaId: string | 'all'
}

/** Threads that match: a group filter keeps threads in which someone of that group wrote. */
export function filterThreads(
  threads: Thread[],
  filter: ThreadFilter,
  people: Map<string, Person>,
): Thread[] {
  return threads.filter((thread) => {
    if (filter.areaId !== 'all' && thread.anchor.areaId !== filter.areaId) return false
    if (filter.state === 'open' && thread.resolved) return false
    if (filter.state === 'resolved' && !thread.resolved) return false
    if (filter.group === 'all') return true
    return thread.comments.some(
      (c) => !c.deleted && (c.anonymous ? c.group : people.get(c.authorId)?.group) === filter.group,
    )
  })
}

/** Open threads per area, for the board's counts of where talk is. */
export function openThreadsByArea(threads: Thread[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const t of threads)
    if (!t.resolved) counts.set(t.anchor.areaId, (counts.get(t.anchor.areaId) ?? 0) + 1)
  return counts
}

export interface Mention {
  threadId: string
  commentId: string
  areaId: string
  authorId: string
  /** Posted without a name: `authorId` then names nobody, and only the group is shown. */
  anonymousGroup: string | null
  text: string
  createdAt: number
}

/** Comments that mention this person, newest first. */
export function mentionsOf(threads: Thread[], personId: string): Mention[] {
  const found: Mention[] = []
  for (const t of threads)
    for (const c of t.comments)
      if (!c.deleted && c.mentions.includes(personId))
        found.push({
          threadId: t.id,
          commentId: c.id,
          areaId: c.anchor.areaId,
          authorId: c.authorId,
          anonymousGroup: c.anonymous ? (c.group ?? '') : null,
          text: c.text,
          createdAt: c.createdAt,
        })
  return found.sort((a, b) => b.createdAt - a.createdAt)
}

export const statusLabels: Record<ActionStatus, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
}

const OPEN: ReadonlySet<ActionStatus> = new Set(['proposed', 'agreed', 'in-progress'])

/** Overdue: still open and past its due date (dates compared as YYYY-MM-DD). */
export function isOverdue(action: Action, today: string): boolean {
  return OPEN.has(action.status) && action.dueDate !== null && action.dueDate < today
}

/** Finished (done or dropped) but the people who raised it have not been told what happened. */
export function awaitingFeedback(action: Action): boolean {
  return (action.status === 'done' || action.status === 'dropped') && action.feedback.toldAt === null
}

export interface ActionFilter {
  status: ActionStatus | 'all'
  owner: string | 'all'
  areaId: string | 'all'
}

export function filterActions(actions: Action[], filter: ActionFilter): Action[] {
  return actions.filter(
    (a) =>
      (filter.status === 'all' || a.status === filter.status) &&
      (filter.owner === 'all' || a.owner === filter.owner) &&
      (filter.areaId === 'all' || a.areaIds.includes(filter.areaId)),
  )
}

/**
 * What this person may change on an action, mirroring the server's write rules so the board never
 * offers a control the server would refuse: a chair changes anything; a participant changes only their
 * own proposal, and only while it is still a proposal, so never its status.
 */
export function actionEditing(action: Action, person: { id: string; role: Role }): 'all' | 'proposal' | null {
  if (person.role === 'chair') return 'all'
  const ownProposal =
    person.role === 'participant' &&
    action.proposedBy === person.id &&
    action.status === 'proposed' &&
    action.agreedInSession === null
  return ownProposal ? 'proposal' : null
}

/** Person ids of every mention node in a TipTap JSON body. */
export function mentionIds(node: unknown, found = new Set<string>()): string[] {
  if (node && typeof node === 'object') {
    const n = node as { type?: unknown; attrs?: { id?: unknown }; content?: unknown }
    if (n.type === 'mention' && typeof n.attrs?.id === 'string') found.add(n.attrs.id)
    if (Array.isArray(n.content)) for (const child of n.content) mentionIds(child, found)
  }
  return [...found]
}

export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}
