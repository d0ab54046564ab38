import { z } from 'zod'

/** Ids made by nanoid (21 characters by default) or by tests; kept to a URL- and key-safe alphabet. */
export const entityIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{4,64}$/, 'must be 4 to 64 letters, digits, - or _')

/** Framework ids: an area is "1a", an item "1a.emerging.2". */
export const areaIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,16}$/, 'is not an area id')
export const itemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,16}\.[a-z0-9-]{1,32}\.[0-9]{1,3}$/, 'is not a checklist item id')
export const levelIdSchema = z.string().regex(/^[a-z0-9-]{1,32}$/, 'is not a level id')

// Branded ids: a value of one of these types has been checked against its pattern (by a key codec or
// a schema), and the compiler keeps a person's id from being passed where an item's id belongs. Ids
// still travel as plain strings on the wire and in storage; the brand exists only in the types.
// A person id in a key is checked only for being key-safe (no separator in it): the records that
// name people check their own, stricter shape, and the guard compares the id with the writer's own.
export const personIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a person id')
  .brand<'PersonId'>()
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
