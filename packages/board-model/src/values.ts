import { z } from 'zod'
import { groupListSchema, MAX_GROUPS } from './groups.ts'
import { areaIdSchema, entityIdSchema, levelIdSchema } from './ids.ts'
import { actionPlanSchema } from './planValues.ts'
import { roleSchema, stakeholderGroupSchema } from './roles.ts'

// Every value stored in the board's maps is a small record that must validate whole; the server's
// write guard checks each incoming value against these schemas before the update is applied.

const isoDate = z.string().max(40)
const shortText = (max: number) => z.string().max(max)

/** A person's tick of one checklist item; `ticked: false` records an explicit untick. */
export const tickSchema = z.strictObject({ ticked: z.boolean(), at: z.number().int().nonnegative() })
export type Tick = z.infer<typeof tickSchema>

/** Levels a chair can record: the framework's own, plus two that sit outside it. */
export const NOT_YET = 'not-yet' as const
export const NOT_ASSESSED = 'not-assessed' as const
export const recordedLevelSchema = z.union([z.literal(NOT_YET), z.literal(NOT_ASSESSED), levelIdSchema])

export const agreedLevelSchema = z.strictObject({
  level: recordedLevelSchema,
  rationale: shortText(5000),
  dissent: shortText(5000),
  recordedBy: entityIdSchema,
  at: z.number().int().nonnegative(),
  sessionId: entityIdSchema.nullable(),
})
export type AgreedLevel = z.infer<typeof agreedLevelSchema>

export const personSchema = z.strictObject({
  id: entityIdSchema,
  name: shortText(80),
  organisation: shortText(120),
  /** Null for people who speak for no group (observers, peer reviewers, a facilitating chair). */
  group: stakeholderGroupSchema.nullable(),
  role: roleSchema,
  colour: z.string().regex(/^#[0-9a-f]{6}$/),
  joinedAt: z.number().int().nonnegative(),
  /** When the chair removed this person's name on request; their name then reads "A participant from <group>". */
  erasedAt: z.number().int().nonnegative().optional(),
})
export type Person = z.infer<typeof personSchema>

/** Where a comment thread hangs: a whole area or one checklist item. */
export const anchorSchema = z.strictObject({ areaId: areaIdSchema, itemId: z.string().max(40).nullable() })
export type Anchor = z.infer<typeof anchorSchema>

/**
 * A comment's body is TipTap (ProseMirror) JSON, written by one author, so it is a plain value rather
 * than a collaborative fragment. It is rendered through a schema on the client, never as HTML.
 */
export const richTextSchema = z.strictObject({
  type: z.literal('doc'),
  content: z.array(z.unknown()).max(500),
})
export type RichText = z.infer<typeof richTextSchema>

export const commentSchema = z.strictObject({
  id: entityIdSchema,
  threadId: entityIdSchema,
  anchor: anchorSchema,
  authorId: entityIdSchema,
  layer: z.enum(['host', 'peer']),
  body: richTextSchema,
  text: shortText(20000),
  mentions: z.array(entityIdSchema).max(50),
  createdAt: z.number().int().nonnegative(),
  editedAt: z.number().int().nonnegative().nullable(),
  deleted: z.boolean(),
  /**
   * Posted without the author's name: `authorId` is then the author's anonymous name on this board
   * (not a person id), and others see only `group`. Optional, so boards from before it still validate.
   */
  anonymous: z.boolean().optional(),
  group: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
})
export type Comment = z.infer<typeof commentSchema>

export const threadStateSchema = z.strictObject({
  resolved: z.boolean(),
  by: entityIdSchema,
  at: z.number().int().nonnegative(),
})
export type ThreadState = z.infer<typeof threadStateSchema>

export const actionStatusSchema = z.enum(['proposed', 'agreed', 'in-progress', 'done', 'dropped'])
export type ActionStatus = z.infer<typeof actionStatusSchema>

/**
 * Where a carried-forward action stood on an earlier assessment's board when it was carried. That
 * board's sessions are not on the new one, so the entry keeps the session's number and start itself.
 */
export const actionHistoryEntrySchema = z.strictObject({
  assessmentId: entityIdSchema,
  /** The earlier assessment's title and start (its record's `createdAt`), so the card reads without it. */
  title: shortText(200),
  startedAt: isoDate,
  /** The action's id on that board. */
  actionId: entityIdSchema,
  status: actionStatusSchema,
  /** Null while it was only proposed; a null session number means it was agreed outside a session. */
  agreed: z
    .strictObject({
      sessionNumber: z.number().int().positive().nullable(),
      sessionStartedAt: z.number().int().nonnegative().nullable(),
    })
    .nullable(),
  feedback: z.strictObject({ toldAt: isoDate.nullable(), how: shortText(2000) }),
  carriedAt: z.number().int().nonnegative(),
})
export type ActionHistoryEntry = z.infer<typeof actionHistoryEntrySchema>

/** How many earlier assessments an action remembers; the oldest drop off first. */
export const ACTION_HISTORY_LIMIT = 20

/**
 * An action. Dropping one without saying why leaves the people who raised it with nothing to be told,
 * so a dropped action must carry its reason.
 */
export const actionSchema = z
  .strictObject({
    id: entityIdSchema,
    youSaid: shortText(5000),
    raisedBy: z.array(stakeholderGroupSchema).max(MAX_GROUPS),
    weDid: shortText(5000),
    whatChanged: shortText(5000),
    owner: shortText(120),
    dueDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    status: actionStatusSchema,
    droppedReason: shortText(2000),
    areaIds: z.array(areaIdSchema).max(26),
    proposedBy: entityIdSchema,
    fromCommentId: entityIdSchema.nullable(),
    agreedInSession: entityIdSchema.nullable(),
    /**
     * When a chair agreed it; null when it never was (a proposal dropped without agreement must not
     * read as agreed). Optional: actions written before it existed read from `status` and
     * `agreedInSession` as before (see agreementOf in read/actionHistory.ts).
     */
    agreedAt: z.number().int().nonnegative().nullable().optional(),
    feedback: z.strictObject({ toldAt: isoDate.nullable(), how: shortText(2000) }),
    createdAt: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
    carriedFrom: z.string().max(64).nullable(),
    /**
     * Earlier assessments this action was carried from, oldest first. Optional so documents written
     * before it existed (and clients that do not know it yet) still validate.
     */
    history: z.array(actionHistoryEntrySchema).max(ACTION_HISTORY_LIMIT).optional(),
    /** What it aims to move and how the group will know (planValues.ts); optional for the same reason. */
    plan: actionPlanSchema.optional(),
  })
  .refine((a) => a.status !== 'dropped' || a.droppedReason.trim() !== '', {
    message: 'a dropped action needs a reason',
    path: ['droppedReason'],
  })
export type Action = z.infer<typeof actionSchema>

export const peerSuggestionSchema = z.strictObject({
  level: recordedLevelSchema,
  reasoning: shortText(5000),
  at: z.number().int().nonnegative(),
})
export type PeerSuggestion = z.infer<typeof peerSuggestionSchema>

export const sessionSchema = z.strictObject({
  id: entityIdSchema,
  startedAt: z.number().int().nonnegative(),
  endedAt: z.number().int().nonnegative().nullable(),
  startedBy: entityIdSchema,
  attendance: z.array(entityIdSchema).max(2000),
})
export type Session = z.infer<typeof sessionSchema>

/** "Follow me": the area the chair brings everyone to. */
export const focusSchema = z.strictObject({
  areaId: areaIdSchema.nullable(),
  by: entityIdSchema,
  at: z.number(),
})
export type Focus = z.infer<typeof focusSchema>

/**
 * A blind round hides everyone's ticks on one area until the chair reveals them. While an area is
 * blind, ticks for it go to each person's private document (see `blindDocumentName`), never here.
 */
export const roundSchema = z.strictObject({
  /**
   * `anonymous` is an anonymous round: ticks stay private as in a blind round, but the server counts
   * them by group as they come in (`tallySchema`) and never moves them onto the board. `anonymous-ended`
   * is one the chair has ended: the counts stay as the area's record and the ticks stay private.
   */
  mode: z.enum(['blind', 'revealed', 'anonymous', 'anonymous-ended']),
  startedAt: z.number().int().nonnegative(),
  /** When a blind round was revealed, or an anonymous round ended. */
  revealedAt: z.number().int().nonnegative().nullable(),
})
export type Round = z.infer<typeof roundSchema>

/** Modes whose ticks stay in people's private documents for good: nobody may learn who ticked. */
export const ANONYMOUS_MODES: ReadonlySet<Round['mode']> = new Set(['anonymous', 'anonymous-ended'])

const countSchema = z.number().int().nonnegative()
const groupCountsSchema = z.record(stakeholderGroupSchema, countSchema)

/**
 * An anonymous round's counts for one area, written by the server alone (`live` key `tally:<areaId>`).
 * It holds numbers only, never a person id: it is how the room sees the round, and what reports use.
 */
export const tallySchema = z.strictObject({
  /** People who ticked anything in the area, all and by group. */
  respondents: countSchema,
  respondentsByGroup: groupCountsSchema,
  /** itemId → group → people of that group who ticked the item. */
  items: z.record(z.string().max(40), groupCountsSchema),
  at: z.number().int().nonnegative(),
})
export type AnonymousTally = z.infer<typeof tallySchema>

export const timerSchema = z.strictObject({
  startedAt: z.number().int().nonnegative(),
  durationSeconds: z
    .number()
    .int()
    .min(30)
    .max(4 * 3600),
})
export type Timer = z.infer<typeof timerSchema>

export const metaSchema = z.strictObject({
  schemaVersion: z.number().int().positive(),
  assessmentId: entityIdSchema,
  frameworkId: z.string().max(64),
  frameworkVersion: z.string().max(32),
  reviewClosedAt: z.number().int().nullable(),
  /** The assessment's groups, copied by the server from its record; absent on older boards (the defaults). */
  groups: groupListSchema.optional(),
})
export type Meta = z.infer<typeof metaSchema>
