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

/** The area an item belongs to: the part of its id before the first dot. */
export function areaOfItem(itemId: string): string {
  const dot = itemId.indexOf('.')
  return dot === -1 ? itemId : itemId.slice(0, dot)
}
