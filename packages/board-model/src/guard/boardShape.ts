/**
 * What a board may hold, from its framework: evidence notes and agreed levels only for its areas,
 * ticks only for its items. The server builds it from the framework file the assessment uses.
 */
export interface BoardShape {
  readonly areaIds: ReadonlySet<string>
  readonly itemIds: ReadonlySet<string>
}

export function boardShape(areas: Iterable<{ id: string; itemIds: Iterable<string> }>): BoardShape {
  const areaIds = new Set<string>()
  const itemIds = new Set<string>()
  for (const area of areas) {
    areaIds.add(area.id)
    for (const itemId of area.itemIds) itemIds.add(itemId)
  }
  return { areaIds, itemIds }
}

/**
 * Limits on what one person can put on a board. An evidence note holds about 3,000 words; the editor
 * stops typing at the same count, so a person meets the limit there before the server refuses.
 */
export const BOARD_LIMITS = {
  noteCharacters: 20_000,
  /** Paragraphs, list items and other blocks in one note. */
  noteBlocks: 2_000,
  /** Lists inside lists: TipTap's own nesting stays far below this; deeper is a hand-built update. */
  noteDepth: 16,
  /** Everything one person has ever written to one board, in Yjs clock units (about characters). */
  personClock: 2_000_000,
} as const
