/** A checklist item as a person reads it: its level's name and its words, never its id. */
export interface ItemLabel {
  levelLabel: string
  text: string
}

/**
 * Text cut to at most `max` characters at the end of a word, with an ellipsis when anything was cut,
 * so a picker never shows half a word ("such as travel, chil").
 */
export function shortenAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max)
  const lastSpace = cut.lastIndexOf(' ')
  // A first word longer than the limit is cut where it must be rather than shown whole.
  const words = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut
  return `${words.replace(/[\s,;:.–-]+$/, '')}…`
}

/** A thread's heading: where it hangs, in words, with the item's text in full. */
export function anchorLabel(
  anchor: { areaId: string; itemId: string | null },
  item: ItemLabel | undefined,
  areaTitle: string | undefined,
): string {
  if (anchor.itemId === null) return `On the area as a whole${areaTitle ? `: ${areaTitle}` : ''}`
  if (!item) return 'On a checklist item no longer in the framework'
  return `On an item under ${item.levelLabel}: ${item.text}`
}

/** How long an item's text may be in the "What is it about?" picker before it is cut at a word. */
export const PICKER_TEXT_LIMIT = 90
