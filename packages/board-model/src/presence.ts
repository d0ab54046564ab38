import { z } from 'zod'
import { NOTE_ROOT_PREFIX } from './roots.ts'

const yId = z.strictObject({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() })

/**
 * A Yjs relative position as the TipTap collaboration caret (y-prosemirror) puts it in presence:
 * `Y.RelativePosition` serialised, pointing into an evidence note.
 */
const relativePositionSchema = z.strictObject({
  type: yId.nullable().optional(),
  tname: z
    .string()
    .max(NOTE_ROOT_PREFIX.length + 16)
    .regex(/^note:[A-Za-z0-9-]{1,16}$/)
    .nullable()
    .optional(),
  item: yId.nullable().optional(),
  assoc: z.number().int().min(-1).max(1).optional(),
})

/** The caret and selection in an evidence note that a person's presence carries; anything else is dropped. */
export const presenceCursorSchema = z.strictObject({
  anchor: relativePositionSchema,
  head: relativePositionSchema,
})
export type PresenceCursor = z.infer<typeof presenceCursorSchema>
