import { z } from 'zod'
import { type AreaId, areaIdBrand, type PersonId, personIdSchema } from '../ids.ts'
import { recordedLevelSchema } from './agreedLevel.ts'
import { shortText } from './fields.ts'
import { ownedKey } from './ownedKey.ts'

export const peerSuggestionSchema = z.strictObject({
  level: recordedLevelSchema,
  reasoning: shortText(5000),
  at: z.number().int().nonnegative(),
})
export type PeerSuggestion = z.infer<typeof peerSuggestionSchema>

/** Key: `${personId}/${areaId}`: a peer reviewer's suggested level for an area. */
export const peerKey = ownedKey<PersonId, AreaId>(personIdSchema, areaIdBrand)
