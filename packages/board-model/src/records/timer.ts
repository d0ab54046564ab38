import { z } from 'zod'

export const timerSchema = z.strictObject({
  startedAt: z.number().int().nonnegative(),
  durationSeconds: z
    .number()
    .int()
    .min(30)
    .max(4 * 3600),
})
export type Timer = z.infer<typeof timerSchema>
