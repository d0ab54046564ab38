import { z } from 'zod'

export const reviewReply = z.object({
  reviewClosedAt: z.string().nullable(),
  /** False when the review was already in the state asked for (nothing was written). */
  changed: z.boolean(),
})
