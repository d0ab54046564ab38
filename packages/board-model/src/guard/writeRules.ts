import type * as Y from 'yjs'
import type { z } from 'zod'
import { areaIdSchema, areaOfItem, itemIdSchema } from '../ids.ts'
import type { Role } from '../roles.ts'
import {
  actionsMap,
  commentsMap,
  LIVE_KEYS,
  liveMap,
  metaMap,
  NOTE_ROOT_PREFIX,
  ROOTS,
  splitOwnedKey,
} from '../roots.ts'
import {
  type Action,
  actionSchema,
  agreedLevelSchema,
  type Comment,
  commentSchema,
  focusSchema,
  peerSuggestionSchema,
  type Round,
  roundSchema,
  sessionSchema,
  threadStateSchema,
  tickSchema,
  timerSchema,
} from '../values.ts'

/** Who is writing, from the verified token; never from anything the client says. */
export interface Writer {
  personId: string
  role: Role
  /** `board` is the shared document; `blind` is the writer's own private document for blind rounds. */
  documentKind: 'board' | 'blind'
}

/** One map entry being set (value present) or removed (value is the removed entry's value). */
export interface MapWrite {
  op: 'insert' | 'delete'
  root: string
  key: string
  value: unknown
}

const refuse = (reason: string) => reason
const WRITERS: ReadonlySet<Role> = new Set(['chair', 'participant'])

function invalid(schema: z.ZodType, value: unknown, what: string): string | null {
  const result = schema.safeParse(value)
  return result.success ? null : `${what} is not valid: ${result.error.issues[0]?.message ?? 'bad shape'}`
}

function reviewOpen(doc: Y.Doc): boolean {
  return metaMap(doc).get('reviewClosedAt') == null
}

function isBlind(doc: Y.Doc, areaId: string): boolean {
  return (liveMap(doc).get(LIVE_KEYS.round(areaId)) as Round | undefined)?.mode === 'blind'
}

/** May this writer touch a note fragment (evidence notes, edited together in TipTap)? */
export function mayWriteFragment(writer: Writer, root: string): string | null {
  if (writer.documentKind !== 'board') return refuse('a private blind-round document holds only ticks')
  if (
    !root.startsWith(NOTE_ROOT_PREFIX) ||
    !areaIdSchema.safeParse(root.slice(NOTE_ROOT_PREFIX.length)).success
  ) {
    return refuse(`"${root}" is not part of the board`)
  }
  if (!WRITERS.has(writer.role)) return refuse(`a ${writer.role} cannot edit evidence notes`)
  return null
}

/** Decides one map write; returns why it is refused, or null when it is allowed. */
export function mayWriteMapEntry(writer: Writer, doc: Y.Doc, write: MapWrite): string | null {
  const { role, personId } = writer
  const inserting = write.op === 'insert'
  if (writer.documentKind === 'blind' && write.root !== ROOTS.ticks) {
    return refuse('a private blind-round document holds only ticks')
  }
  switch (write.root) {
    case ROOTS.ticks: {
      if (!WRITERS.has(role)) return refuse(`a ${role} cannot tick checklist items`)
      const owned = splitOwnedKey(write.key)
      if (!owned || owned.personId !== personId) return refuse('you can only change your own ticks')
      if (!itemIdSchema.safeParse(owned.rest).success)
        return refuse(`"${owned.rest}" is not a checklist item`)
      if (writer.documentKind === 'board' && isBlind(doc, areaOfItem(owned.rest))) {
        return refuse('this area is in a blind round: ticks stay private until the chair reveals them')
      }
      return inserting ? invalid(tickSchema, write.value, 'the tick') : null
    }
    case ROOTS.agreed: {
      if (role !== 'chair') return refuse('only a chair records the agreed level')
      if (!areaIdSchema.safeParse(write.key).success) return refuse(`"${write.key}" is not an area`)
      if (!inserting) return null
      const bad = invalid(agreedLevelSchema, write.value, 'the agreed level')
      if (bad) return bad
      return (write.value as { recordedBy: string }).recordedBy === personId
        ? null
        : refuse('an agreed level must be recorded in your own name')
    }
    case ROOTS.comments:
      return mayWriteComment(writer, doc, write)
    case ROOTS.threads: {
      if (!(WRITERS.has(role) || (role === 'peer-reviewer' && reviewOpen(doc)))) {
        return refuse(`a ${role} cannot resolve or reopen threads`)
      }
      if (!inserting) return refuse('a thread’s state is changed, never removed')
      const bad = invalid(threadStateSchema, write.value, 'the thread state')
      if (bad) return bad
      if ((write.value as { by: string }).by !== personId)
        return refuse('write thread changes in your own name')
      // A thread is keyed by its first comment: a reviewer settles only threads the review layer began.
      if (role === 'peer-reviewer' && commentsMap(doc).get(write.key)?.layer !== 'peer') {
        return refuse('a peer reviewer can resolve or reopen only peer-review threads')
      }
      return null
    }
    case ROOTS.actions:
      return mayWriteAction(writer, doc, write)
    case ROOTS.peer: {
      if (role !== 'peer-reviewer') return refuse('only peer reviewers write the peer-review layer')
      if (!reviewOpen(doc)) return refuse('the chair has closed this peer review')
      const owned = splitOwnedKey(write.key)
      if (!owned || owned.personId !== personId) return refuse('you can only change your own suggestions')
      if (!areaIdSchema.safeParse(owned.rest).success) return refuse(`"${owned.rest}" is not an area`)
      return inserting ? invalid(peerSuggestionSchema, write.value, 'the suggested level') : null
    }
    case ROOTS.sessions: {
      if (role !== 'chair') return refuse('only a chair starts and ends sessions')
      return inserting ? invalid(sessionSchema, write.value, 'the session') : null
    }
    case ROOTS.live:
      return mayWriteLive(writer, write)
    case ROOTS.meta:
    case ROOTS.people:
      return refuse('only the server changes who is taking part and the assessment’s settings')
    default:
      return refuse(`"${write.root}" is not part of the board`)
  }
}

function mayWriteLive(writer: Writer, write: MapWrite): string | null {
  if (writer.role !== 'chair') return refuse('only a chair runs the session')
  const { key, value } = write
  const inserting = write.op === 'insert'
  if (key === LIVE_KEYS.focus) return inserting ? invalid(focusSchema, value, 'the focus') : null
  if (key === LIVE_KEYS.activeSession) {
    return !inserting || value === null || typeof value === 'string' ? null : refuse('bad session id')
  }
  const [kind, areaId] = key.split(':')
  if (!areaId || !areaIdSchema.safeParse(areaId).success) return refuse(`"${key}" is not a session setting`)
  if (kind === 'round') return inserting ? invalid(roundSchema, value, 'the blind round') : null
  if (kind === 'timer') return inserting ? invalid(timerSchema, value, 'the timer') : null
  return refuse(`"${key}" is not a session setting`)
}

function mayWriteComment(writer: Writer, doc: Y.Doc, write: MapWrite): string | null {
  const { role, personId } = writer
  if (role === 'observer') return refuse('an observer cannot comment')
  if (role === 'peer-reviewer' && !reviewOpen(doc)) return refuse('the chair has closed this peer review')
  if (write.op === 'delete') {
    const removed = write.value as Partial<Comment> | undefined
    return removed?.authorId === personId ? null : refuse('only its author can change or delete a comment')
  }
  const bad = invalid(commentSchema, write.value, 'the comment')
  if (bad) return bad
  const comment = write.value as Comment
  if (comment.id !== write.key) return refuse('a comment is stored under its own id')
  if (comment.authorId !== personId) return refuse('a comment must be written in your own name')
  const existing = commentsMap(doc).get(write.key)
  if (existing && existing.authorId !== personId)
    return refuse('only its author can change or delete a comment')
  const layer = role === 'peer-reviewer' ? 'peer' : 'host'
  return comment.layer === layer ? null : refuse(`a ${role}'s comments belong to the ${layer} layer`)
}

function mayWriteAction(writer: Writer, doc: Y.Doc, write: MapWrite): string | null {
  const { role, personId } = writer
  if (role === 'chair') return write.op === 'insert' ? invalid(actionSchema, write.value, 'the action') : null
  if (role !== 'participant') return refuse(`a ${role} cannot propose actions`)
  const ownProposal = (value: unknown) => {
    const action = value as Partial<Action> | undefined
    return action?.proposedBy === personId && action.status === 'proposed' && action.agreedInSession === null
  }
  if (write.op === 'delete') {
    return ownProposal(write.value) ? null : refuse('only a chair changes an action once it is agreed')
  }
  const bad = invalid(actionSchema, write.value, 'the action')
  if (bad) return bad
  if ((write.value as Action).id !== write.key) return refuse('an action is stored under its own id')
  const existing = actionsMap(doc).get(write.key)
  if (existing && !ownProposal(existing)) return refuse('only a chair changes an action once it is agreed')
  // Where an action came from is written by the server when it carries actions forward; a participant
  // could otherwise give their proposal an invented past in an earlier assessment.
  if (canonical(carried(write.value as Action)) !== canonical(carried(existing)))
    return refuse('only the server records where an action came from')
  return ownProposal(write.value) ? null : refuse('only a chair agrees actions or changes their status')
}

const carried = (a: Action | undefined) => [a?.carriedFrom ?? null, a?.history ?? []]

/** JSON with object keys sorted, so two equal values compare equal whatever order their keys were set in. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  )
