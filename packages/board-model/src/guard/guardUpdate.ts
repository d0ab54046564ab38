import * as Y from 'yjs'
import { clientOwner, clientsOf } from '../clientClaims.ts'
import { ROOTS } from '../roots.ts'
import { BOARD_LIMITS, type BoardShape } from './boardShape.ts'
import { type DecodedUpdate, locateUpdate, mapValueOf, type UpdateChange } from './locateUpdate.ts'
import { noteSize } from './noteSize.ts'
import { incompleteReason } from './updateCompleteness.ts'
import { mayTouchKey, mayWriteFragment, mayWriteMapEntry, type Writer } from './writeRules.ts'

const MAP_ROOTS: ReadonlySet<string> = new Set(Object.values(ROOTS))

export type GuardVerdict =
  | {
      allowed: true
      /** Whether the update holds anything the document does not have yet: nothing to store if not. */
      fresh: boolean
      /** Client ids this update writes with for the first time: the server records them as the writer's. */
      claims: number[]
    }
  | {
      allowed: false
      reason: string
      /** Refused only because it builds on something the server has not received yet. */
      incomplete?: true
      /**
       * Refused while writing under a client id the board does not know as the writer's (someone
       * else's, the server's, or one not yet claimed): the board may lack that part of the document,
       * stored by another instance, and the refusal be the board's rather than the writer's.
       */
      foreign?: true
    }

const refused = (reason: string): GuardVerdict => ({ allowed: false, reason })

/**
 * Decides whether an update from a client may be applied, without applying it. It judges the board
 * the update will produce: the update must integrate completely now (nothing parked for later, when
 * no check would run), every struct must be written under a client id that is the writer's own, and
 * every insert and delete, located in the document, must be one the writer's role allows and the
 * board's framework has room for. One refused change refuses the whole update, so nothing
 * half-written is stored or broadcast.
 */
export function guardUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  writer: Writer,
  shape: BoardShape,
  /**
   * Who each client id belongs to by presence (a browser announces its id as it connects, before it
   * writes): an id someone else announced cannot be claimed first by a person who saw it there.
   */
  presence: ReadonlyMap<number, string> = new Map(),
): GuardVerdict {
  let decoded: DecodedUpdate
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return refused('the update could not be read')
  }
  const incomplete = incompleteReason(doc.store, decoded.structs, decoded.ds)
  if (incomplete) return { allowed: false, reason: incomplete, incomplete: true }

  const newClock = new Map<number, number>()
  for (const struct of decoded.structs) {
    const known = Y.getState(doc.store, struct.id.client)
    const end = struct.id.clock + struct.length
    if (end > known) newClock.set(struct.id.client, (newClock.get(struct.id.client) ?? 0) + end - known)
  }
  const claims: number[] = []
  for (const clientId of newClock.keys()) {
    const claimed = clientOwner(doc, clientId)
    const announced = presence.get(clientId)
    const someoneElses =
      claimed !== undefined
        ? claimed !== writer.personId
        : // Written before (by the server, or before claims were recorded), or announced by another.
          Y.getState(doc.store, clientId) > 0 || (announced !== undefined && announced !== writer.personId)
    if (someoneElses) {
      return {
        allowed: false,
        reason: 'it is written under another person’s connection; reload the board and try again',
        foreign: true,
      }
    }
    if (claimed !== undefined) continue
    claims.push(clientId)
  }

  const verdict = judgeChanges(doc, decoded, writer, shape, newClock, claims)
  // Written under a client id the board does not know as the writer's: the board may lack that part
  // of the document (stored by another instance), and the refusal be the board's, not the writer's.
  return !verdict.allowed && claims.length > 0
    ? { allowed: false, reason: verdict.reason, foreign: true }
    : verdict
}

/** Every change the update makes, located in the document, judged against the writer's role and the board. */
function judgeChanges(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  writer: Writer,
  shape: BoardShape,
  newClock: ReadonlyMap<number, number>,
  claims: number[],
): GuardVerdict {
  let changes: UpdateChange[]
  try {
    changes = locateUpdate(doc, decoded)
  } catch {
    return refused('the update could not be read')
  }
  const fresh = changes.length > 0
  if (writer.role === 'observer' && fresh) return refused('an observer can read but not change the board')

  const notesTouched = new Map<string, NoteGrowth>()
  for (const change of changes) {
    if (change.op === 'inert') continue
    if (change.op === 'unresolvable') return refused(change.reason)
    const reason =
      change.key === null || change.depth > 0
        ? judgeNoteChange(writer, change, shape, notesTouched)
        : judgeMapChange(writer, doc, change, shape)
    if (reason) return refused(reason)
  }
  for (const [root, added] of notesTouched) {
    const size = noteSize(doc.getXmlFragment(root))
    if (size.characters + added.characters > BOARD_LIMITS.noteCharacters) {
      return refused(
        `an evidence note can hold up to ${BOARD_LIMITS.noteCharacters.toLocaleString('en-GB')} characters; shorten it or link to a document instead`,
      )
    }
    if (size.blocks + added.blocks > BOARD_LIMITS.noteBlocks) {
      return refused(`an evidence note can hold up to ${BOARD_LIMITS.noteBlocks} paragraphs and list items`)
    }
  }
  if (newClock.size > 0) {
    let written = 0
    for (const clientId of new Set([...clientsOf(doc, writer.personId), ...newClock.keys()])) {
      written += Y.getState(doc.store, clientId) + (newClock.get(clientId) ?? 0)
    }
    if (written > BOARD_LIMITS.personClock) {
      return refused(
        'you have written as much as one person can to this board; ask the chair to start a new one',
      )
    }
  }
  return { allowed: true, fresh, claims }
}

type LocatedChange = Extract<UpdateChange, { op: 'insert' | 'delete' }>
/** What an update adds to one note; its deletions are not subtracted, so the check errs on the safe side. */
interface NoteGrowth {
  characters: number
  blocks: number
}

/** Evidence notes: TipTap's blocks and text, within the depth the editor makes, in the board's areas. */
function judgeNoteChange(
  writer: Writer,
  change: LocatedChange,
  shape: BoardShape,
  notesTouched: Map<string, NoteGrowth>,
): string | null {
  const refusal = mayWriteFragment(writer, change.root, shape)
  if (refusal) return refusal
  if (change.op === 'delete') return null
  if (change.depth > BOARD_LIMITS.noteDepth) return 'an evidence note cannot nest that deeply'
  const content = change.content
  if (content instanceof Y.ContentType) {
    const type = content.type
    if (!(type instanceof Y.XmlElement || type instanceof Y.XmlText)) {
      return 'an evidence note holds only paragraphs, lists and text'
    }
    if (type instanceof Y.XmlElement && !/^[A-Za-z][A-Za-z0-9]{0,31}$/.test(type.nodeName)) {
      return 'an evidence note holds only paragraphs, lists and text'
    }
  } else if (
    !(
      content instanceof Y.ContentString ||
      content instanceof Y.ContentFormat ||
      content instanceof Y.ContentAny ||
      content instanceof Y.ContentDeleted
    )
  ) {
    return 'an evidence note holds only paragraphs, lists and text'
  }
  const growth = notesTouched.get(change.root) ?? { characters: 0, blocks: 0 }
  if (content instanceof Y.ContentString) growth.characters += content.getLength()
  if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement) growth.blocks++
  notesTouched.set(change.root, growth)
  return null
}

/** One top-level entry of a map root: a whole record, judged by the write rules. */
function judgeMapChange(writer: Writer, doc: Y.Doc, change: LocatedChange, shape: BoardShape): string | null {
  const key = change.key!
  if (change.op === 'insert' && change.content instanceof Y.ContentDeleted) {
    // A dead entry (set and overwritten while offline) has no value to judge, but it still names a
    // root and a key: both must be the writer's to touch. It removes whatever the key holds now, so
    // it is judged as a delete of the current value as well.
    const keyRefusal = mayTouchKey(writer, doc, change.root, key, shape)
    if (keyRefusal) return keyRefusal
    const current = MAP_ROOTS.has(change.root) ? doc.getMap(change.root).get(key) : undefined
    if (current === undefined) return null
    return mayWriteMapEntry(writer, doc, { op: 'delete', root: change.root, key, value: current }, shape)
  }
  const plain = mapValueOf(change.content)
  if (change.op === 'insert' && !plain) {
    return `"${change.root.slice(0, 40)}" holds plain records, not nested types or text`
  }
  return mayWriteMapEntry(writer, doc, { op: change.op, root: change.root, key, value: plain?.value }, shape)
}
