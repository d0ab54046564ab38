import { z } from 'zod'
import {
  areaIdSchema,
  ENTITY_ID_PATTERN,
  entityIdSchema,
  itemIdSchema,
  PERSON_ID_PATTERN,
  type PersonId,
} from '../ids.ts'
import { recordedLevelSchema } from './agreedLevel.ts'
import { ownedKey } from './ownedKey.ts'

// Evidence as records: what a group can point to for an area, kept whole so it can travel to the
// next assessment and into the outputs. The area's free-form evidence note stays beside it.

/** The kinds of evidence the framework's research names: papers, decisions, structures, voices, numbers. */
export const evidenceKindSchema = z.enum(['document', 'decision', 'structure', 'testimony', 'data'])
export type EvidenceKind = z.infer<typeof evidenceKindSchema>

export const evidenceKindLabels: Record<EvidenceKind, string> = {
  document: 'A report or document',
  decision: 'Minutes or a decision',
  structure: 'A structure or role that exists',
  testimony: 'Testimony from people or communities',
  data: 'Data',
}

/**
 * `to-confirm` is evidence carried from the previous assessment: true then, and for the group to
 * confirm (the chair sets it back to current) or retire.
 */
export const evidenceStatusSchema = z.enum(['current', 'to-confirm', 'retired'])
export type EvidenceStatus = z.infer<typeof evidenceStatusSchema>

export const evidenceStatusLabels: Record<EvidenceStatus, string> = {
  current: 'Current',
  'to-confirm': 'From the previous assessment: to confirm or retire',
  retired: 'Retired',
}

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-31')

/** A link people can open: web addresses only, so a stored value never runs script when clicked. */
export const evidenceLinkSchema = z
  .string()
  .max(2000)
  .refine((link) => link === '' || /^https?:\/\/[^\s]+$/i.test(link), 'must start with https:// or http://')

/** The chair's mark that the group agreed a level on this evidence. */
export const evidenceAcceptanceSchema = z.strictObject({
  level: recordedLevelSchema,
  by: entityIdSchema,
  at: z.number().int().nonnegative(),
})
export type EvidenceAcceptance = z.infer<typeof evidenceAcceptanceSchema>

/** Where carried evidence came from, so the card reads without the earlier board. */
export const evidenceOriginSchema = z.strictObject({
  assessmentId: entityIdSchema,
  title: z.string().max(200),
  startedAt: z.string().max(40),
  evidenceId: entityIdSchema,
  /** The level it was accepted for there, if it was. */
  acceptedLevel: recordedLevelSchema.nullable(),
})
export type EvidenceOrigin = z.infer<typeof evidenceOriginSchema>

export const evidenceSchema = z
  .strictObject({
    id: entityIdSchema,
    kind: evidenceKindSchema,
    title: z
      .string()
      .max(200)
      .refine((t) => t.trim() !== '', 'needs a title'),
    link: evidenceLinkSchema,
    description: z.string().max(2000),
    /** When the thing itself happened or was published, not when it was added. */
    date: calendarDate.nullable(),
    areaId: areaIdSchema,
    itemIds: z.array(itemIdSchema).max(60),
    addedBy: entityIdSchema,
    /** False keeps it on the live board and in the chair's own copy: no other output carries its words. */
    shareable: z.boolean(),
    status: evidenceStatusSchema,
    acceptedFor: evidenceAcceptanceSchema.nullable(),
    carriedFrom: evidenceOriginSchema.nullable(),
    createdAt: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
  })
  .refine((e) => e.link !== '' || e.description.trim() !== '', {
    message: 'needs a link or a short description',
    path: ['description'],
  })
export type Evidence = z.infer<typeof evidenceSchema>

/**
 * A peer reviewer's mark on one piece of evidence, under their own key: whether they would want to
 * see it (the document itself, say) and a comment. The evidence record stays the host's.
 */
export const evidenceMarkSchema = z.strictObject({
  wantToSee: z.boolean(),
  comment: z.string().max(2000),
  at: z.number().int().nonnegative(),
})
export type EvidenceMark = z.infer<typeof evidenceMarkSchema>

/** Key: `${personId}/${evidenceId}`: one peer reviewer's mark on one piece of evidence. */
export const evidenceMarkKey = ownedKey<PersonId, string>(PERSON_ID_PATTERN, ENTITY_ID_PATTERN)

/**
 * What the previous assessment of the same workstream had for an area, written by the server when a
 * re-assessment opens: its agreed level and rationale, and what its actions aimed at the area planned
 * and reached, so the group starts from what it knew and can see whether the level moved.
 */
export const previousActionSchema = z.strictObject({
  actionId: entityIdSchema,
  youSaid: z.string().max(5000),
  weDid: z.string().max(5000),
  status: z.enum(['proposed', 'agreed', 'in-progress', 'done', 'dropped']),
  measure: z.string().max(2000),
  baseline: z.string().max(2000),
  targetLevel: recordedLevelSchema.nullable(),
  reviewDate: calendarDate.nullable(),
})
export type PreviousAction = z.infer<typeof previousActionSchema>

export const previousAreaSchema = z.strictObject({
  assessmentId: entityIdSchema,
  title: z.string().max(200),
  startedAt: z.string().max(40),
  level: recordedLevelSchema.nullable(),
  rationale: z.string().max(5000),
  actions: z.array(previousActionSchema).max(200),
})
export type PreviousArea = z.infer<typeof previousAreaSchema>

export { calendarDate as calendarDateSchema }
