import { z } from 'zod'
import { stakeholderGroupSchema } from '../roles.ts'

const countSchema = z.number().int().nonnegative()
const groupCountsSchema = z.record(stakeholderGroupSchema, countSchema)

/**
 * An anonymous round's counts for one area, written by the server alone (`live` key `tally:<areaId>`).
 * It holds numbers only, never a person id: it is how the room sees the round, and what reports use.
 */
export const tallySchema = z.strictObject({
  /** People who ticked anything in the area, all and by group. */
  respondents: countSchema,
  respondentsByGroup: groupCountsSchema,
  /** itemId → group → people of that group who ticked the item. */
  items: z.record(z.string().max(40), groupCountsSchema),
  at: z.number().int().nonnegative(),
})
export type AnonymousTally = z.infer<typeof tallySchema>
