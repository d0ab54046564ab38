import { z } from 'zod'
import { groupListSchema } from '../groups.ts'
import { entityIdSchema } from '../ids.ts'

/**
 * The version of the board's shape this code writes. A board whose stored version is older is
 * brought up to it by `migrateBoard` (../migrations/migrateBoard.ts) when the server loads it; each
 * step there says what it changed.
 */
export const SCHEMA_VERSION = 2

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
