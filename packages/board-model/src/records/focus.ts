import { z } from 'zod'
import { areaIdSchema, entityIdSchema } from '../ids.ts'

/** "Follow me": the area the chair brings everyone to. */
export const focusSchema = z.strictObject({
  areaId: areaIdSchema.nullable(),
  by: entityIdSchema,
  at: z.number(),
})
export type Focus = z.infer<typeof focusSchema>
