import type * as Y from 'yjs'
import type { z } from 'zod'
import { areaOfItem } from '../ids.ts'
import { hasAnonymousRecord } from '../read/anonymousTally.ts'
import { type Action, actionSchema } from '../records/action.ts'
import { agreedLevelSchema } from '../records/agreedLevel.ts'
import { type Comment, commentSchema } from '../records/comment.ts'
import { focusSchema } from '../records/focus.ts'
import { decodeLiveKey, parseLiveValue, roundOf } from '../records/live.ts'
import { hiddenComment } from '../records/moderation.ts'
import { OWNER_SEPARATOR } from '../records/ownedKey.ts'
import { peerKey, peerSuggestionSchema } from '../records/peerSuggestion.ts'
import { isAnonymousRound, isBlind, type Round, roundSchema } from '../records/round.ts'
import { sessionSchema } from '../records/session.ts'
import { threadStateSchema } from '../records/thread.ts'
import { tickKey, tickSchema } from '../records/tick.ts'
import { timerSchema } from '../records/timer.ts'
import { type Role, writesTheBoard } from '../roles.ts'
import { actionsMap, areaOfNoteRoot, commentsMap, metaMap, ROOTS } from '../roots.ts'
import type { BoardShape } from './boardShape.ts'
import {
  mayTouchEvidenceKey,
  mayTouchEvidenceMarkKey,
  mayWriteEvidence,
  mayWriteEvidenceMark,
} from './evidenceRules.ts'
import { mayWriteFor, NOT_YOURS_TO_TICK } from './recordedRules.ts'

/** Who is writing, from the verified token; never from anything the client says. */
export interface Writer {
  personId: string
  role: Role
  /** `board` is the shared document; `blind` is the writer's own private document for blind rounds. */
  documentKind: 'board' | 'blind'
  /**
   * The name the writer's anonymous comments go under on this board: made by the server from the
   * person and the board with a key only it holds, so nobody can tell whose it is. Without it, the
   * writer cannot post anonymously.
   */
  alias?: string
  /** The writer's stakeholder group, which an anonymous comment shows instead of their name. */
  group?: string
}

/** One map entry being set (value present) or removed (value is the removed entry's value). */
export interface MapWrite {
  op: 'insert' | 'delete'
  root: string
  key: string
  value: unknown
}

const refuse = (reason: string) => reason

function invalid(schema: z.ZodType, value: unknown, what: string): string | null {
  const result = schema.safeParse(value)
  return result.success ? null : `${what} is not valid: ${result.error.issues[0]?.message ?? 'bad shape'}`
}

function reviewOpen(doc: Y.Doc): boolean {
  return metaMap(doc).get('reviewClosedAt') == null
}

/** May this writer touch a note fragment (evidence notes, edited together in TipTap)? */
export function mayWriteFragment(writer: Writer, root: string, shape: BoardShape): string | null {
  if (writer.documentKind !== 'board') return refuse('a private blind-round document holds only ticks')
  const areaId = areaOfNoteRoot(root)
  if (areaId === null || !shape.areaIds.has(areaId)) {
    return refuse(`"${root.slice(0, 40)}" is not part of the board`)
  }
  if (!writesTheBoard(writer.role)) return refuse(`a ${writer.role} cannot edit evidence notes`)
  return null
}

/**
 * May this writer touch this key of this root at all, whatever the value? Every map entry an update
 * carries passes here, including one already deleted in the same update (a dead entry), which has no
 * value to judge but would still create the root on every client.
 */
export function mayTouchKey(
  writer: Writer,
  doc: Y.Doc,
  root: string,
  key: string,
  shape: BoardShape,
): string | null {
  const { role, personId } = writer
  if (writer.documentKind === 'blind' && root !== ROOTS.ticks) {
    return refuse('a private blind-round document holds only ticks')
  }
  switch (root) {
    case ROOTS.ticks: {
      if (!writesTheBoard(role)) return refuse(`a ${role} cannot tick checklist items`)
      const slash = key.indexOf(OWNER_SEPARATOR)
      if (slash <= 0 || !mayWriteFor(writer, doc, key.slice(0, slash)))
        return refuse(role === 'chair' ? NOT_YOURS_TO_TICK : 'you can only change your own ticks')
      const owned = tickKey.decode(key)
      if (!owned || !shape.itemIds.has(owned.rest))
        return refuse(`"${key.slice(slash + 1, slash + 41)}" is not a checklist item on this board`)
      if (writer.documentKind !== 'board') return null
      const areaId = areaOfItem(owned.rest)
      if (isBlind(roundOf(doc, areaId)))
        return refuse('this area is in a blind round: ticks stay private until the chair reveals them')
      // Once an area has had an anonymous round, a tick on the board would show who ticked it.
      if (hasAnonymousRecord(doc, areaId))
        return refuse('this area has an anonymous round: ticks stay private and only counts are shown')
      return null
    }
    case ROOTS.agreed:
      if (role !== 'chair') return refuse('only a chair records the agreed level')
      return shape.areaIds.has(key) ? null : refuse(`"${key.slice(0, 40)}" is not an area`)
    case ROOTS.comments:
      if (role === 'observer') return refuse('an observer cannot comment')
      if (role === 'peer-reviewer' && !reviewOpen(doc)) return refuse('the chair has closed this peer review')
      return null
    case ROOTS.threads:
      if (!(writesTheBoard(role) || (role === 'peer-reviewer' && reviewOpen(doc)))) {
        return refuse(`a ${role} cannot resolve or reopen threads`)
      }
      return null
    case ROOTS.actions:
      return role === 'chair' || role === 'participant' ? null : refuse(`a ${role} cannot propose actions`)
    case ROOTS.peer: {
      if (role !== 'peer-reviewer') return refuse('only peer reviewers write the peer-review layer')
      if (!reviewOpen(doc)) return refuse('the chair has closed this peer review')
      const mine = `${personId}${OWNER_SEPARATOR}`
      if (!key.startsWith(mine)) return refuse('you can only change your own suggestions')
      const owned = peerKey.decode(key)
      return owned && shape.areaIds.has(owned.rest)
        ? null
        : refuse(`"${key.slice(mine.length, mine.length + 40)}" is not an area`)
    }
    case ROOTS.sessions:
      return role === 'chair' ? null : refuse('only a chair starts and ends sessions')
    case ROOTS.live:
      return mayTouchLive(writer, key, shape)
    case ROOTS.evidence:
      return mayTouchEvidenceKey(writer, key)
    case ROOTS.evidenceMarks:
      return mayTouchEvidenceMarkKey(writer, doc, key)
    case ROOTS.previous:
      return refuse('only the server records what the previous assessment found')
    case ROOTS.recorded:
      return refuse('only the server records who took part on paper or by phone')
    case ROOTS.moderation:
      return refuse('only a chair hides a comment or shows it again, through the server')
    case ROOTS.reviewLog:
      return refuse('only a chair closes or reopens the peer review, through the server')
    case ROOTS.meta:
    case ROOTS.people:
    case ROOTS.clients:
      return refuse('only the server changes who is taking part and the assessment’s settings')
    default:
      return refuse(`"${root.slice(0, 40)}" is not part of the board`)
  }
}

/** Decides one map write; returns why it is refused, or null when it is allowed. */
export function mayWriteMapEntry(
  writer: Writer,
  doc: Y.Doc,
  write: MapWrite,
  shape: BoardShape,
): string | null {
  const keyRefusal = mayTouchKey(writer, doc, write.root, write.key, shape)
  if (keyRefusal) return keyRefusal
  const { personId } = writer
  const inserting = write.op === 'insert'
  switch (write.root) {
    case ROOTS.ticks:
      return inserting ? invalid(tickSchema, write.value, 'the tick') : null
    case ROOTS.agreed: {
      if (!inserting) return null
      const bad = invalid(agreedLevelSchema, write.value, 'the agreed level')
      if (bad) return bad
      // Choosing to give no reason writes NO_RATIONALE (write/levels.ts), so an empty one is forgotten.
      if (!(write.value as { rationale: string }).rationale.trim())
        return refuse('an agreed level needs its rationale, or the choice to record none')
      return (write.value as { recordedBy: string }).recordedBy === personId
        ? null
        : refuse('an agreed level must be recorded in your own name')
    }
    case ROOTS.comments:
      return mayWriteComment(writer, doc, write, shape)
    case ROOTS.threads: {
      if (!inserting) return refuse('a thread’s state is changed, never removed')
      const bad = invalid(threadStateSchema, write.value, 'the thread state')
      if (bad) return bad
      if ((write.value as { by: string }).by !== personId)
        return refuse('write thread changes in your own name')
      // A thread is keyed by its first comment: a reviewer settles only threads the review layer began.
      if (writer.role === 'peer-reviewer' && commentsMap(doc).get(write.key)?.layer !== 'peer') {
        return refuse('a peer reviewer can resolve or reopen only peer-review threads')
      }
      return null
    }
    case ROOTS.actions:
      return mayWriteAction(writer, doc, write, shape)
    case ROOTS.peer:
      return inserting ? invalid(peerSuggestionSchema, write.value, 'the suggested level') : null
    case ROOTS.sessions:
      return inserting ? invalid(sessionSchema, write.value, 'the session') : null
    case ROOTS.live:
      return mayWriteLive(doc, write)
    case ROOTS.evidence:
      return mayWriteEvidence(writer, doc, write, shape)
    case ROOTS.evidenceMarks:
      return mayWriteEvidenceMark(doc, write)
    default:
      return refuse(`"${write.root.slice(0, 40)}" is not part of the board`)
  }
}

function mayTouchLive(writer: Writer, key: string, shape: BoardShape): string | null {
  const setting = decodeLiveKey(key)
  // The counts are made from everyone's private ticks, which only the server can read.
  if (setting?.kind === 'tally') return refuse('only the server counts an anonymous round')
  // Counted from private documents too; a client writing it could make the chair reveal too early.
  if (setting?.kind === 'progress') return refuse('only the server counts who has ticked in a blind round')
  if (writer.role !== 'chair') return refuse('only a chair runs the session')
  if (setting?.kind === 'focus' || setting?.kind === 'activeSession') return null
  return setting && shape.areaIds.has(setting.areaId)
    ? null
    : refuse(`"${key.slice(0, 40)}" is not a session setting`)
}

function mayWriteLive(doc: Y.Doc, write: MapWrite): string | null {
  const { key, value } = write
  const setting = decodeLiveKey(key)
  if (setting?.kind === 'round') {
    if (write.op !== 'insert') return mayChangeRound(roundOf(doc, setting.areaId), null)
    const round = parseLiveValue('round', value)
    return round
      ? mayChangeRound(roundOf(doc, setting.areaId), round)
      : invalid(roundSchema, value, 'the round')
  }
  if (write.op !== 'insert') return null
  switch (setting?.kind) {
    case 'focus':
      return invalid(focusSchema, value, 'the focus')
    case 'timer':
      return invalid(timerSchema, value, 'the timer')
    case 'activeSession':
      return parseLiveValue('activeSession', value) === undefined ? refuse('bad session id') : null
    default:
      return refuse(`"${key.slice(0, 40)}" is not a session setting`)
  }
}

/**
 * The ways an area's round may change. An anonymous round's ticks must never reach the board, so it
 * can only be ended (and started again), never revealed, turned blind or cleared away, and a blind
 * round must be revealed before an anonymous one starts, so its ticks are not counted by surprise.
 */
function mayChangeRound(current: Round | undefined, next: Round | null): string | null {
  const wasAnonymous = isAnonymousRound(current)
  // Overwriting a key reaches the rules as a removal and a new value, judged apart, so a removal alone
  // cannot be refused here. A removed anonymous round still keeps its ticks private: the server's
  // counts (`tally:<areaId>`, which no client can remove) mark the area for good (hasAnonymousRecord).
  if (next === null) return null
  if (next.mode === 'anonymous')
    return current?.mode === 'blind'
      ? refuse('reveal the blind round before starting an anonymous one')
      : null
  if (next.mode === 'anonymous-ended')
    return current?.mode === 'anonymous' ? null : refuse('only a running anonymous round can be ended')
  return wasAnonymous ? refuse('an anonymous round is never revealed: who ticked stays private') : null
}

function mayWriteComment(writer: Writer, doc: Y.Doc, write: MapWrite, shape: BoardShape): string | null {
  const { role, alias } = writer
  // The writer's own comments are under their id, or under their alias when posted anonymously; a
  // chair's also include the views they entered for someone who took part on paper or by phone.
  const own = (authorId: string | undefined) =>
    authorId !== undefined &&
    (mayWriteFor(writer, doc, authorId) || (alias !== undefined && authorId === alias))
  if (write.op === 'delete') {
    const removed = write.value as Partial<Comment> | undefined
    return own(removed?.authorId) ? null : refuse('only its author can change or delete a comment')
  }
  const bad = invalid(commentSchema, write.value, 'the comment')
  if (bad) return bad
  const comment = write.value as Comment
  if (comment.id !== write.key) return refuse('a comment is stored under its own id')
  if (comment.anonymous) {
    if (role !== 'participant') return refuse(`a ${role} comments in their own name`)
    if (alias === undefined || comment.authorId !== alias || comment.group !== writer.group)
      return refuse('an anonymous comment must be written under your own anonymous name and group')
  } else if (!mayWriteFor(writer, doc, comment.authorId)) {
    return refuse('a comment must be written in your own name')
  }
  if (!shape.areaIds.has(comment.anchor.areaId))
    return refuse('a comment must belong to one of the board’s areas')
  if (comment.anchor.itemId !== null && !shape.itemIds.has(comment.anchor.itemId))
    return refuse('a comment must be on one of the board’s checklist items')
  const existing = commentsMap(doc).get(write.key)
  if (existing && !own(existing.authorId)) return refuse('only its author can change or delete a comment')
  // Its words are kept by the server while hidden; writing new ones would undo the chair's hide.
  if (existing && hiddenComment(doc, write.key))
    return refuse('the chair has hidden this comment; only the chair can show it again')
  if (existing && Boolean(existing.anonymous) !== Boolean(comment.anonymous))
    return refuse('a comment keeps the name it was posted under')
  const layer = role === 'peer-reviewer' ? 'peer' : 'host'
  return comment.layer === layer ? null : refuse(`a ${role}'s comments belong to the ${layer} layer`)
}

function mayWriteAction(writer: Writer, doc: Y.Doc, write: MapWrite, shape: BoardShape): string | null {
  const { role, personId } = writer
  if (write.op === 'insert') {
    const bad = invalid(actionSchema, write.value, 'the action')
    if (bad) return bad
    if ((write.value as Action).areaIds.some((areaId) => !shape.areaIds.has(areaId)))
      return refuse('an action can name only the board’s areas')
    if ((write.value as Action).plan?.targetItemIds.some((itemId) => !shape.itemIds.has(itemId)))
      return refuse('an action can aim only at the board’s checklist items')
    const from = (write.value as Action).fromCommentId
    if (from !== null && from !== (actionsMap(doc).get(write.key)?.fromCommentId ?? null)) {
      const refusal = mayMakeActionOf(writer, doc, from)
      if (refusal) return refusal
    }
  }
  if (role === 'chair') return null
  const ownProposal = (value: unknown) => {
    const action = value as Partial<Action> | undefined
    return (
      action?.proposedBy === personId &&
      action.status === 'proposed' &&
      action.agreedInSession === null &&
      (action.agreedAt ?? null) === null
    )
  }
  if (write.op === 'delete') {
    return ownProposal(write.value) ? null : refuse('only a chair changes an action once it is agreed')
  }
  if ((write.value as Action).id !== write.key) return refuse('an action is stored under its own id')
  const existing = actionsMap(doc).get(write.key)
  if (existing && !ownProposal(existing)) return refuse('only a chair changes an action once it is agreed')
  // Where an action came from is written by the server when it carries actions forward; a participant
  // could otherwise give their proposal an invented past in an earlier assessment.
  if (canonical(carried(write.value as Action)) !== canonical(carried(existing)))
    return refuse('only the server records where an action came from')
  return ownProposal(write.value) ? null : refuse('only a chair agrees actions or changes their status')
}

/**
 * Turning a comment into a proposed action speaks for its author, so only the author (under their
 * name or their anonymous name) or a chair (facilitating or not) may, and never from a hidden comment.
 */
function mayMakeActionOf(writer: Writer, doc: Y.Doc, commentId: string): string | null {
  const comment = commentsMap(doc).get(commentId)
  if (!comment || comment.deleted) return refuse('an action can be made only from a comment on the board')
  if (hiddenComment(doc, commentId)) return refuse('a comment the chair has hidden cannot become an action')
  if (writer.role === 'chair') return null
  const { authorId } = comment
  const own = authorId === writer.personId || (writer.alias !== undefined && authorId === writer.alias)
  return own ? null : refuse('only a comment’s author or a chair can make it into an action')
}

const carried = (a: Action | undefined) => [a?.carriedFrom ?? null, a?.history ?? []]

/** JSON with object keys sorted, so two equal values compare equal whatever order their keys were set in. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  )
