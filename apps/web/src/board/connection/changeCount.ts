import type * as Y from 'yjs'

/**
 * What a person would call one change: one checklist item ticked (however often it is ticked and
 * unticked), one area's notes edited (however many keystrokes), one comment, one action. Yjs sends
 * an update per transaction, so a sentence typed offline is dozens of updates; the board's roots are
 * flat maps of whole records and one fragment per area's notes, so a record's key, or a fragment,
 * names the thing changed.
 */
export function thingsChanged(transaction: Y.Transaction): string[] {
  const rootNames = new Map<unknown, string>()
  for (const [name, type] of transaction.doc.share) rootNames.set(type, name)
  const things = new Set<string>()
  for (const [type, keys] of transaction.changed) {
    let child: typeof type | null = null
    let current = type
    // Climb to the root, remembering which of its entries holds the change.
    while (current._item !== null) {
      child = current
      current = current._item.parent as typeof type
    }
    const root = rootNames.get(current) ?? 'unknown'
    if (child !== null) {
      // Inside a map entry, that entry; inside a fragment (an area's notes), the fragment itself.
      const key = child._item?.parentSub
      things.add(key ? `${root}/${key}` : root)
      continue
    }
    const named = [...keys].filter((k): k is string => k !== null)
    if (named.length === 0) things.add(root)
    for (const key of named) things.add(`${root}/${key}`)
  }
  return [...things]
}

/**
 * The things this device changed that the server has not confirmed yet. A change made, confirmed and
 * made again counts again; the count empties when nothing is left waiting.
 */
export class WaitingThings {
  readonly #things = new Set<string>()
  readonly #doc: Y.Doc

  constructor(doc: Y.Doc) {
    this.#doc = doc
    doc.on('afterTransaction', this.#record)
  }

  /** How many things are waiting, given whether anything at all is still unconfirmed. */
  count(anythingWaiting: boolean): number {
    if (!anythingWaiting) {
      this.#things.clear()
      return 0
    }
    // Something is waiting that this device did not see made here (work carried back after a refusal).
    return Math.max(1, this.#things.size)
  }

  destroy(): void {
    this.#doc.off('afterTransaction', this.#record)
  }

  readonly #record = (transaction: Y.Transaction) => {
    // Updates from the server or the device's own stored copy arrive as non-local transactions.
    if (!transaction.local) return
    for (const thing of thingsChanged(transaction)) this.#things.add(thing)
  }
}
