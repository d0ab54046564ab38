import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import { z } from 'zod'
import { entityIdSchema } from '../ids.ts'
import { localOrigin, serverOrigin } from '../origins.ts'
import { commentsMap, peopleMap, ROOTS, ticksMap } from '../roots.ts'
import type { Comment, Person } from '../values.ts'
import { tickKey } from './tick.ts'

/**
 * Someone who took part on paper or by phone, whose ticks and views a chair (or a facilitating chair)
 * typed in for them. Their person record is an ordinary one in `people` (role participant, their
 * group), so their ticks count in their group exactly like anyone else's; this record says that they
 * were recorded, how, by whom and when, so every view can say "recorded by … from paper".
 *
 * Written by the server alone (the route that adds the person checks the writer is a chair and takes
 * `enteredBy` from the verified token), so nobody can turn a real participant into a recorded one and
 * then write their ticks. The write rules let a chair write ticks and comments under a recorded
 * person's id; nobody may write under a real participant's id but that participant.
 */

export const RECORDED_HOWS = ['paper', 'phone'] as const
export const recordedHowSchema = z.enum(RECORDED_HOWS, { error: 'must be "paper" or "phone"' })
export type RecordedHow = z.infer<typeof recordedHowSchema>

export const recordedParticipantSchema = z.strictObject({
  how: recordedHowSchema,
  /** The chair who added the person, from their verified token. */
  enteredBy: entityIdSchema,
  enteredAt: z.number().int().nonnegative(),
})
export type RecordedParticipant = z.infer<typeof recordedParticipantSchema>

/** Key: the recorded person's id, the same id as their entry in `people`. */
export const recordedKey = {
  encode: (personId: string): string => personId,
  decode: (key: string): string | null => (entityIdSchema.safeParse(key).success ? key : null),
}

export const recordedMap = (doc: Y.Doc) => doc.getMap<RecordedParticipant>(ROOTS.recorded)

/** Every recorded person on the board, by person id; entries that do not validate are left out. */
export function readRecordedParticipants(doc: Y.Doc): Map<string, RecordedParticipant> {
  const out = new Map<string, RecordedParticipant>()
  for (const [key, value] of recordedMap(doc).entries()) {
    const personId = recordedKey.decode(key)
    const parsed = recordedParticipantSchema.safeParse(value)
    if (personId && parsed.success) out.set(personId, parsed.data)
  }
  return out
}

/**
 * Whether this person id is a recorded (paper or phone) participant: a recorded entry and a
 * participant's person record, both written by the server. The write rules ask this before letting a
 * chair write under someone else's id.
 */
export function isRecordedParticipant(doc: Y.Doc, personId: string): boolean {
  if (!recordedParticipantSchema.safeParse(recordedMap(doc).get(personId)).success) return false
  return peopleMap(doc).get(personId)?.role === 'participant'
}

/**
 * Adds a person who took part on paper or by phone: their person record and the record of who
 * entered them, in one transaction, so no browser ever sees one without the other. Server only.
 */
export function recordParticipant(doc: Y.Doc, person: Person, record: RecordedParticipant): void {
  if (person.role !== 'participant') throw new Error('a recorded person takes part as a participant')
  doc.transact(() => {
    peopleMap(doc).set(person.id, person)
    recordedMap(doc).set(recordedKey.encode(person.id), recordedParticipantSchema.parse(record))
  }, serverOrigin('record-participant'))
}

/** "from paper" or "from a phone call": how the answers reached the board, in plain words. */
export function recordedFrom(how: RecordedHow): string {
  return how === 'paper' ? 'from paper' : 'from a phone call'
}

/** The mark every view shows beside a recorded person's entries: "recorded by Sam Patel from paper". */
export function recordedMark(record: Pick<RecordedParticipant, 'how'>, enteredByName: string): string {
  return `recorded by ${enteredByName} ${recordedFrom(record.how)}`
}

/**
 * The questions put to someone taking part on paper or by phone, after an area's checklist: the ones
 * the room talks about, in plain words. The printed page and the Word checklist both ask these, so a
 * phone call and the room are asked alike.
 */
export const DISCUSSION_QUESTIONS = [
  'Which of these things happen now, where you are?',
  'Is there anything here that people say happens, but you have not seen?',
  'What is missing, or what gets in the way?',
  'What one change would make the most difference to the people you speak for?',
] as const

/** What a chair types in from one person's paper checklist (or phone call) for one area. */
export interface RecordedAnswers {
  /** Every item of the area with whether the person ticked it: an untick is recorded too, so they count as having answered. */
  ticks: ReadonlyArray<readonly [itemId: string, ticked: boolean]>
  /** Their views on the area in their words, posted as their comment on it; blank for none. */
  views: { areaId: string; text: string } | null
}

/**
 * A chair enters a recorded person's answers for one area: their ticks (only those that change) and
 * their views as a comment in their name, in one transaction, so the room sees them arrive together.
 * The comment's author is the recorded person; the board's recorded entry says who entered it.
 * Returns the new comment's id, if views were given.
 */
export function recordAnswers(
  doc: Y.Doc,
  enteredBy: string,
  personId: string,
  answers: RecordedAnswers,
  now = Date.now(),
): string | null {
  const paragraphs = (answers.views?.text ?? '')
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
  let commentId: string | null = null
  doc.transact(() => {
    const ticks = ticksMap(doc)
    for (const [itemId, ticked] of answers.ticks) {
      const key = tickKey(personId, itemId)
      if (ticks.get(key)?.ticked !== ticked || !ticks.has(key)) ticks.set(key, { ticked, at: now })
    }
    if (answers.views && paragraphs.length > 0) {
      commentId = nanoid()
      const comment: Comment = {
        id: commentId,
        threadId: commentId,
        anchor: { areaId: answers.views.areaId, itemId: null },
        authorId: personId,
        layer: 'host',
        body: {
          type: 'doc',
          content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
        },
        text: paragraphs.join('\n'),
        mentions: [],
        createdAt: now,
        editedAt: null,
        deleted: false,
      }
      commentsMap(doc).set(commentId, comment)
    }
  }, localOrigin(enteredBy))
  return commentId
}
