import { z } from 'zod'
import { entityIdSchema } from '../ids.ts'

export const sessionSchema = z.strictObject({
  id: entityIdSchema,
  startedAt: z.number().int().nonnegative(),
  endedAt: z.number().int().nonnegative().nullable(),
  startedBy: entityIdSchema,
  attendance: z.array(entityIdSchema).max(2000),
})
export type Session = z.infer<typeof sessionSchema>
