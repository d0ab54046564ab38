import { z } from 'zod'
import { entityIdSchema } from '../ids.ts'

export const threadStateSchema = z.strictObject({
  resolved: z.boolean(),
  by: entityIdSchema,
  at: z.number().int().nonnegative(),
})
export type ThreadState = z.infer<typeof threadStateSchema>
