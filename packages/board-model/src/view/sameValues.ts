/**
 * Keeping what did not change: a value read again from a Yjs document is the same object as before
 * when its entry did not change, so a list or map whose entries are all the same objects can be kept
 * as it was. Components that compare their props (`memo`) then skip the work for it.
 */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export function sameEntries<K, V>(
  a: ReadonlyMap<K, V>,
  b: ReadonlyMap<K, V>,
  same: (x: V, y: V) => boolean = Object.is,
): boolean {
  if (a.size !== b.size) return false
  for (const [key, value] of a) {
    if (!b.has(key)) return false
    if (!same(value, b.get(key) as V)) return false
  }
  return true
}

/** `next` unless it holds the same entries as `previous`, then `previous`. */
export function keepList<T>(previous: T[] | undefined, next: T[]): T[] {
  return previous && sameItems(previous, next) ? previous : next
}

export function keepMap<K, V>(
  previous: Map<K, V> | undefined,
  next: Map<K, V>,
  same?: (x: V, y: V) => boolean,
): Map<K, V> {
  return previous && sameEntries(previous, next, same) ? previous : next
}

/**
 * `next` with each entry replaced by what `keep(earlier, new)` chooses (the earlier object when the
 * entry did not change): `previous` itself when every entry kept its earlier object and no key came
 * or went, `next` itself when none did.
 */
export function keepEntries<K, V>(
  previous: Map<K, V> | undefined,
  next: Map<K, V>,
  keep: (was: V, now: V) => V,
): Map<K, V> {
  if (!previous) return next
  const kept = new Map<K, V>()
  let allEarlier = previous.size === next.size
  let allNew = true
  for (const [key, value] of next) {
    const was = previous.get(key)
    const chosen = was === undefined && !previous.has(key) ? value : keep(was as V, value)
    if (chosen !== was) allEarlier = false
    if (chosen !== value) allNew = false
    kept.set(key, chosen)
  }
  return allEarlier ? previous : allNew ? next : kept
}
