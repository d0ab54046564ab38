import { z } from 'zod'

// The patterns are exported for the key codecs (records/ownedKey.ts), which check a key's parts
// against them directly: the schemas below are built from the same patterns.
export const ENTITY_ID_PATTERN = /^[A-Za-z0-9_-]{4,64}$/
export const AREA_ID_PATTERN = /^[A-Za-z0-9-]{1,16}$/
export const ITEM_ID_PATTERN = /^[A-Za-z0-9-]{1,16}\.[a-z0-9-]{1,32}\.[0-9]{1,3}$/
export const PERSON_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** Ids made by nanoid (21 characters by default) or by tests; kept to a URL- and key-safe alphabet. */
export const entityIdSchema = z.string().regex(ENTITY_ID_PATTERN, 'must be 4 to 64 letters, digits, - or _')

/** Framework ids: an area is "1a", an item "1a.emerging.2". */
export const areaIdSchema = z.string().regex(AREA_ID_PATTERN, 'is not an area id')
export const itemIdSchema = z.string().regex(ITEM_ID_PATTERN, 'is not a checklist item id')
export const levelIdSchema = z.string().regex(/^[a-z0-9-]{1,32}$/, 'is not a level id')

// Branded ids: a value of one of these types has been checked against its pattern (by a key codec or
// a schema), and the compiler keeps a person's id from being passed where an item's id belongs. Ids
// still travel as plain strings on the wire and in storage; the brand exists only in the types.
// A person id in a key is checked only for being key-safe (no separator in it): the records that
// name people check their own, stricter shape, and the guard compares the id with the writer's own.
export const personIdSchema = z.string().regex(PERSON_ID_PATTERN, 'is not a person id').brand<'PersonId'>()
export type PersonId = z.infer<typeof personIdSchema>
export const areaIdBrand = areaIdSchema.brand<'AreaId'>()
export type AreaId = z.infer<typeof areaIdBrand>
export const itemIdBrand = itemIdSchema.brand<'ItemId'>()
export type ItemId = z.infer<typeof itemIdBrand>

/** The area an item belongs to: the part of its id before the first dot. */
export function areaOfItem(itemId: string): string {
  const dot = itemId.indexOf('.')
  return dot === -1 ? itemId : itemId.slice(0, dot)
}
