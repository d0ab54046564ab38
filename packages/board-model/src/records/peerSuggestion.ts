import { z } from 'zod'
import { AREA_ID_PATTERN, type AreaId, PERSON_ID_PATTERN, type PersonId } from '../ids.ts'
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
export const peerKey = ownedKey<PersonId, AreaId>(PERSON_ID_PATTERN, AREA_ID_PATTERN)
