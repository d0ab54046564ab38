import type * as Y from 'yjs'
import type { Action } from './records/action.ts'
import type { AgreedLevel } from './records/agreedLevel.ts'
import type { AnonymousTally } from './records/anonymousTally.ts'
import type { BlindProgress } from './records/blindProgress.ts'
import type { Comment } from './records/comment.ts'
import type { Evidence, EvidenceMark, PreviousArea } from './records/evidence.ts'
import type { Focus } from './records/focus.ts'
import type { Meta } from './records/meta.ts'
import type { PeerSuggestion } from './records/peerSuggestion.ts'
import type { Person } from './records/person.ts'
import type { Round } from './records/round.ts'
import type { Session } from './records/session.ts'
import type { ThreadState } from './records/thread.ts'
import type { Tick } from './records/tick.ts'
import type { Timer } from './records/timer.ts'

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
/** The area a root's name is the note of, or null for a root that is no note: noteRootName's inverse. */
export function areaOfNoteRoot(name: string): string | null {
  return name.startsWith(NOTE_ROOT_PREFIX) ? name.slice(NOTE_ROOT_PREFIX.length) : null
}

export const metaMap = (doc: Y.Doc) => doc.getMap<Meta[keyof Meta]>(ROOTS.meta)
export const peopleMap = (doc: Y.Doc) => doc.getMap<Person>(ROOTS.people)
/** Key: `tickKey` (records/tick.ts). */
export const ticksMap = (doc: Y.Doc) => doc.getMap<Tick>(ROOTS.ticks)
/** Key: areaId. */
export const agreedMap = (doc: Y.Doc) => doc.getMap<AgreedLevel>(ROOTS.agreed)
/** Key: commentId. */
export const commentsMap = (doc: Y.Doc) => doc.getMap<Comment>(ROOTS.comments)
/** Key: threadId (the id of the thread's first comment). */
export const threadsMap = (doc: Y.Doc) => doc.getMap<ThreadState>(ROOTS.threads)
/** Key: actionId. */
export const actionsMap = (doc: Y.Doc) => doc.getMap<Action>(ROOTS.actions)
/** Key: `peerKey` (records/peerSuggestion.ts). */
export const peerMap = (doc: Y.Doc) => doc.getMap<PeerSuggestion>(ROOTS.peer)
/** Key: sessionId. */
export const sessionsMap = (doc: Y.Doc) => doc.getMap<Session>(ROOTS.sessions)
/** What the chair runs now; its keys and values are read and written through records/live.ts. */
export const liveMap = (doc: Y.Doc) =>
  doc.getMap<Focus | Round | Timer | AnonymousTally | BlindProgress | string | null>(ROOTS.live)
/** Key: a Yjs client id in decimal; value: the person who first wrote with it in this document. */
export const clientsMap = (doc: Y.Doc) => doc.getMap<string>(ROOTS.clients)
export const noteFragment = (doc: Y.Doc, areaId: string) => doc.getXmlFragment(noteRootName(areaId))
export const evidenceMap = (doc: Y.Doc) => doc.getMap<Evidence>(ROOTS.evidence)
export const evidenceMarksMap = (doc: Y.Doc) => doc.getMap<EvidenceMark>(ROOTS.evidenceMarks)
export const previousMap = (doc: Y.Doc) => doc.getMap<PreviousArea>(ROOTS.previous)
