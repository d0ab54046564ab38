import { frameworkSchema } from '@co-assess/framework'
import { z } from 'zod'

export const frameworkParams = z.object({ frameworkId: z.string().max(64) })
export const frameworkSummaryResponse = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  phases: z.number(),
  areas: z.number(),
  items: z.number(),
})
export const frameworkListResponse = z.array(frameworkSummaryResponse)
/** The framework file as loaded (rubric/schema/framework.schema.json). */
export const frameworkResponse = frameworkSchema
