import { z } from 'zod'
import { ITEM_ID_PATTERN, type ItemId, PERSON_ID_PATTERN, type PersonId } from '../ids.ts'
import { ownedKey } from './ownedKey.ts'

/** A person's tick of one checklist item; `ticked: false` records an explicit untick. */
export const tickSchema = z.strictObject({ ticked: z.boolean(), at: z.number().int().nonnegative() })
export type Tick = z.infer<typeof tickSchema>

/** Key: `${personId}/${itemId}`: a person's ticks are keyed by their id, so the guard can tell whose a tick is. */
export const tickKey = ownedKey<PersonId, ItemId>(PERSON_ID_PATTERN, ITEM_ID_PATTERN)
