import { z } from 'zod'
import { areaIdSchema, entityIdSchema } from '../ids.ts'
import { shortText } from './fields.ts'

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
