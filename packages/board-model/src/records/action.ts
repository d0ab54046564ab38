import { z } from 'zod'
import { MAX_GROUPS } from '../groups.ts'
import { areaIdSchema, entityIdSchema } from '../ids.ts'
import { actionPlanSchema } from '../planValues.ts'
import { stakeholderGroupSchema } from '../roles.ts'
import { isoDate, shortText } from './fields.ts'

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
