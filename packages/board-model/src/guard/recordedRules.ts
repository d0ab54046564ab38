import type * as Y from 'yjs'
import { isRecordedParticipant } from '../records/recordedParticipant.ts'
import type { Writer } from './writeRules.ts'

/**
 * May this writer write ticks and comments under this person's id? Everyone may under their own. A
 * chair (facilitating or not) may also under a person who took part on paper or by phone, whose
 * record only the server writes, and only on the shared board: a recorded person has no private
 * blind-round document, and a chair's own private document holds only the chair's ticks. Nobody may
 * write under a real participant's id but that participant.
 */
export function mayWriteFor(writer: Writer, doc: Y.Doc, personId: string): boolean {
  if (personId === writer.personId) return true
  return writer.role === 'chair' && writer.documentKind === 'board' && isRecordedParticipant(doc, personId)
}

// A refusal travels in a WebSocket close reason (123 bytes at most, "Not saved: " included).
export const NOT_YOURS_TO_TICK =
  'you can only change your own ticks and those of people recorded from paper or phone'
