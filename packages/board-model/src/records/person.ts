import { z } from 'zod'
import { entityIdSchema } from '../ids.ts'
import { roleSchema, stakeholderGroupSchema } from '../roles.ts'
import { shortText } from './fields.ts'

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
