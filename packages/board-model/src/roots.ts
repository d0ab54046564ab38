import type * as Y from 'yjs'
import type { Evidence, EvidenceMark, PreviousArea } from './evidenceValues.ts'
import { areaIdSchema } from './ids.ts'
import type {
  Action,
  AgreedLevel,
  AnonymousTally,
  Comment,
  Focus,
  Meta,
  PeerSuggestion,
  Person,
  Round,
  Session,
  ThreadState,
  Tick,
  Timer,
} from './values.ts'

/**
 * The board document's root names are a wire contract between server, browser and stored logs:
 * they are defined here once and nothing else calls `doc.getMap('…')`.
 *
 * Every map is flat, with composite keys and whole-record values. Nested Y types created by clients
 * would race (two devices creating the same nested map lose one), and flat keys let the server's
 * write guard decide who may write from the key alone.
 */
export const ROOTS = {
  meta: 'meta',
  people: 'people',
  ticks: 'ticks',
  agreed: 'agreed',
  comments: 'comments',
  threads: 'threads',
  actions: 'actions',
  peer: 'peer',
  sessions: 'sessions',
  live: 'live',
  /** Which person each Yjs client id belongs to: written by the server alone, at a client id's first write. */
  clients: 'clients',
  /** Evidence records, key: evidenceId. */
  evidence: 'evidence',
  /** Peer reviewers' marks on evidence, key: `${personId}/${evidenceId}`. */
  evidenceMarks: 'evidenceMarks',
  /** The previous assessment's level, rationale and actions per area, key: areaId; written by the server alone. */
  previous: 'previous',
  /** People who took part on paper or by phone (records/recordedParticipant.ts), key: personId; written by the server alone. */
  recorded: 'recorded',
  /** The chair's hiding and showing again of comments (records/moderation.ts); written by the server alone. */
  moderation: 'moderation',
  /** When the peer review was closed and reopened, and by whom (records/peerReviewLog.ts); written by the server alone. */
  reviewLog: 'reviewLog',
} as const
export type MapRootName = (typeof ROOTS)[keyof typeof ROOTS]

/** Evidence notes are one collaborative TipTap fragment per area, as a root so no client creates it. */
export const NOTE_ROOT_PREFIX = 'note:'
export function noteRootName(areaId: string): string {
  return `${NOTE_ROOT_PREFIX}${areaId}`
}

export const SCHEMA_VERSION = 1

export const metaMap = (doc: Y.Doc) => doc.getMap<Meta[keyof Meta]>(ROOTS.meta)
export const peopleMap = (doc: Y.Doc) => doc.getMap<Person>(ROOTS.people)
/** Key: `${personId}/${itemId}`. */
export const ticksMap = (doc: Y.Doc) => doc.getMap<Tick>(ROOTS.ticks)
/** Key: areaId. */
export const agreedMap = (doc: Y.Doc) => doc.getMap<AgreedLevel>(ROOTS.agreed)
/** Key: commentId. */
export const commentsMap = (doc: Y.Doc) => doc.getMap<Comment>(ROOTS.comments)
/** Key: threadId (the id of the thread's first comment). */
export const threadsMap = (doc: Y.Doc) => doc.getMap<ThreadState>(ROOTS.threads)
/** Key: actionId. */
export const actionsMap = (doc: Y.Doc) => doc.getMap<Action>(ROOTS.actions)
/** Key: `${personId}/${areaId}`: a peer reviewer's suggested level for an area. */
export const peerMap = (doc: Y.Doc) => doc.getMap<PeerSuggestion>(ROOTS.peer)
/** Key: sessionId. */
export const sessionsMap = (doc: Y.Doc) => doc.getMap<Session>(ROOTS.sessions)
/** Keys: `focus`, `activeSession`, `round:${areaId}`, `timer:${areaId}`, and `tally:${areaId}` (the server's). */
export const liveMap = (doc: Y.Doc) =>
  doc.getMap<Focus | Round | Timer | AnonymousTally | string | null>(ROOTS.live)
/** Key: a Yjs client id in decimal; value: the person who first wrote with it in this document. */
export const clientsMap = (doc: Y.Doc) => doc.getMap<string>(ROOTS.clients)
export const noteFragment = (doc: Y.Doc, areaId: string) => doc.getXmlFragment(noteRootName(areaId))
export const evidenceMap = (doc: Y.Doc) => doc.getMap<Evidence>(ROOTS.evidence)
export const evidenceMarksMap = (doc: Y.Doc) => doc.getMap<EvidenceMark>(ROOTS.evidenceMarks)
export const previousMap = (doc: Y.Doc) => doc.getMap<PreviousArea>(ROOTS.previous)
export function evidenceMarkKey(personId: string, evidenceId: string): string {
  return `${personId}/${evidenceId}`
}

export const LIVE_KEYS = {
  focus: 'focus',
  activeSession: 'activeSession',
  round: (areaId: string) => `round:${areaId}`,
  timer: (areaId: string) => `timer:${areaId}`,
  /** An anonymous round's counts: written by the server alone, refused from every client. */
  tally: (areaId: string) => `tally:${areaId}`,
} as const
export const TALLY_KEY_PREFIX = 'tally:'

/** The area setting a live key holds (`round:1a`, `timer:1a`), or null for `focus`, `activeSession` and anything else. */
export function parseLiveKey(key: string): { kind: 'round' | 'timer'; areaId: string } | null {
  const colon = key.indexOf(':')
  const kind = key.slice(0, colon)
  const areaId = key.slice(colon + 1)
  if (colon <= 0 || (kind !== 'round' && kind !== 'timer') || !areaIdSchema.safeParse(areaId).success)
    return null
  return { kind, areaId }
}

export function tickKey(personId: string, itemId: string): string {
  return `${personId}/${itemId}`
}
export function peerKey(personId: string, areaId: string): string {
  return `${personId}/${areaId}`
}
/** Splits a `${personId}/${rest}` key; null when the key has no owner part. */
export function splitOwnedKey(key: string): { personId: string; rest: string } | null {
  const slash = key.indexOf('/')
  if (slash <= 0 || slash === key.length - 1) return null
  return { personId: key.slice(0, slash), rest: key.slice(slash + 1) }
}

/**
 * Blind-round ticks live in a document only their author (and the server) can open, so nobody
 * else's browser receives them before the reveal.
 */
export const BLIND_SEPARATOR = '.blind.'
export function blindDocumentName(assessmentId: string, personId: string): string {
  return `${assessmentId}${BLIND_SEPARATOR}${personId}`
}
export function parseDocumentName(
  name: string,
):
  | { kind: 'board'; assessmentId: string }
  | { kind: 'blind'; assessmentId: string; personId: string }
  | null {
  const board = /^([A-Za-z0-9_-]{4,64})$/.exec(name)
  if (board) return { kind: 'board', assessmentId: board[1]! }
  const blind = /^([A-Za-z0-9_-]{4,64})\.blind\.([A-Za-z0-9_-]{4,64})$/.exec(name)
  if (blind) return { kind: 'blind', assessmentId: blind[1]!, personId: blind[2]! }
  return null
}
