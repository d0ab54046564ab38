import { z } from 'zod'
import { areaIdSchema, entityIdSchema } from '../ids.ts'
import { personText } from '../personText.ts'
import { actionSchema } from '../records/action.ts'
import { agreedLevelSchema } from '../records/agreedLevel.ts'
import { commentSchema } from '../records/comment.ts'
import { evidenceMarkSchema, evidenceSchema, previousAreaSchema } from '../records/evidence.ts'
import { decodeLiveKey, type LiveValues, parseLiveValue } from '../records/live.ts'
import { metaSchema } from '../records/meta.ts'
import { moderationSchema } from '../records/moderation.ts'
import { splitOwnedKey } from '../records/ownedKey.ts'
import { reviewEventSchema } from '../records/peerReviewLog.ts'
import { peerSuggestionSchema } from '../records/peerSuggestion.ts'
import { personSchema } from '../records/person.ts'
import { recordedParticipantSchema } from '../records/recordedParticipant.ts'
import { sessionSchema } from '../records/session.ts'
import { threadStateSchema } from '../records/thread.ts'
import { tickSchema } from '../records/tick.ts'
import { noteNodesSchema } from './noteNodes.ts'

// The board snapshot's shape (the JSON export file), as one zod schema: an import validates a whole
// file before it writes anything.

export const SNAPSHOT_FORMAT = 'co-assess-board'
export const SNAPSHOT_VERSION = 1

/** A key owned by one person, `person/thing`; its owner is checked against the board's people below. */
const ownedKeyText = z
  .string()
  .regex(/^[A-Za-z0-9_-]{4,64}\/[A-Za-z0-9._-]{1,80}$/, 'is not a "person/thing" key')

/**
 * What the chair is running, each value checked against its own key's record (records/live.ts): an
 * anonymous round's tally and a blind round's progress included, so a board that held one imports
 * again. A key that is not one of the board's settings is refused, as the live board would refuse it.
 */
const liveSchema = z.record(z.string().max(80), z.unknown()).superRefine((live, ctx) => {
  for (const [key, value] of Object.entries(live)) {
    const setting = decodeLiveKey(key)
    if (!setting)
      ctx.addIssue({ code: 'custom', path: [key], message: "is not one of the board's live settings" })
    else if (parseLiveValue(setting.kind, value) === undefined)
      ctx.addIssue({ code: 'custom', path: [key], message: `is not a valid ${setting.kind}` })
  }
}) as z.ZodType<Record<string, LiveValues[keyof LiveValues]>>

export const boardSnapshotSchema = z
  .strictObject({
    format: z.literal(SNAPSHOT_FORMAT, {
      error: `must be "${SNAPSHOT_FORMAT}": this is not a Co-assess export`,
    }),
    version: z.literal(SNAPSHOT_VERSION, { error: `must be ${SNAPSHOT_VERSION}` }),
    exportedAt: z.string().max(40),
    assessment: z.strictObject({
      title: personText('Title', 200),
      frameworkId: z.string().max(64),
      frameworkVersion: z.string().max(32),
      scope: z.enum(['strategic', 'operational']),
      workstream: personText('Workstream', 200),
      createdAt: z.string().max(40),
    }),
    board: z.strictObject({
      meta: metaSchema,
      people: z.record(entityIdSchema, personSchema),
      ticks: z.record(ownedKeyText, tickSchema),
      agreed: z.record(areaIdSchema, agreedLevelSchema),
      comments: z.record(entityIdSchema, commentSchema),
      threads: z.record(entityIdSchema, threadStateSchema),
      actions: z.record(entityIdSchema, actionSchema),
      peer: z.record(ownedKeyText, peerSuggestionSchema),
      sessions: z.record(entityIdSchema, sessionSchema),
      live: liveSchema,
      notes: z.record(areaIdSchema, noteNodesSchema),
      // Optional, so exports made before evidence records existed still import.
      evidence: z.record(entityIdSchema, evidenceSchema).optional(),
      evidenceMarks: z.record(ownedKeyText, evidenceMarkSchema).optional(),
      previous: z.record(areaIdSchema, previousAreaSchema).optional(),
      // Hidden comments' records (never their words, which the board no longer holds) and the peer
      // review's closings; optional for exports made before them.
      moderation: z.record(z.string().max(80), moderationSchema).optional(),
      reviewLog: z.record(z.string().max(40), reviewEventSchema).optional(),
      // People who took part on paper or by phone, and who entered them; optional for older exports.
      recorded: z.record(entityIdSchema, recordedParticipantSchema).optional(),
    }),
  })
  .superRefine(({ assessment, board }, ctx) => {
    // What the live board could never hold: people keyed by another id, ticks and peer suggestions
    // of people who are not on it, a board that names another framework than its assessment.
    // Checks against the framework itself are in snapshotFit.ts, which needs the framework's shape.
    const refuse = (path: Array<string | number>, message: string) => {
      ctx.addIssue({ code: 'custom', path, message })
    }
    if (board.meta.frameworkId !== assessment.frameworkId)
      return refuse(
        ['board', 'meta', 'frameworkId'],
        `is not the assessment's framework "${assessment.frameworkId}"`,
      )
    for (const [id, person] of Object.entries(board.people))
      if (person.id !== id)
        return refuse(['board', 'people', id, 'id'], 'is not the id the person is listed under')
    // A recorded person's entries are written by a chair under their id: only a participant on the board may be one.
    for (const id of Object.keys(board.recorded ?? {}))
      if (board.people[id]?.role !== 'participant')
        return refuse(['board', 'recorded', id], 'is not a participant on the board')
    for (const [id, evidence] of Object.entries(board.evidence ?? {}))
      if (evidence.id !== id)
        return refuse(['board', 'evidence', id, 'id'], 'is not the id the evidence is listed under')
    for (const key of Object.keys(board.evidenceMarks ?? {})) {
      // ownedKeyText has checked that every key below has its separator.
      const evidenceId = splitOwnedKey(key)!.rest
      if (!Object.hasOwn(board.evidence ?? {}, evidenceId))
        return refuse(
          ['board', 'evidenceMarks', key],
          `marks "${evidenceId}", which is not on the board's evidence`,
        )
    }
    for (const [root, entries] of [
      ['ticks', board.ticks],
      ['peer', board.peer],
      ['evidenceMarks', board.evidenceMarks ?? {}],
    ] as const) {
      for (const key of Object.keys(entries)) {
        const owner = splitOwnedKey(key)!.ownerId
        if (!Object.hasOwn(board.people, owner))
          return refuse(
            ['board', root, key],
            `belongs to "${owner}", who is not on the board's list of people`,
          )
      }
    }
  })
/** A board snapshot as read from a file that passed the schema. */
export type BoardSnapshot = z.infer<typeof boardSnapshotSchema>
/** What a snapshot says of its assessment (the server's record of it has more, which is left out). */
export type SnapshotAssessment = BoardSnapshot['assessment']
