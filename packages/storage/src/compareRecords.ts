/** Oldest first, then by id, so lists come back in the same order from every adapter. */
export function byTimeThenId<T extends { id: string }>(time: (record: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ta = time(a)
    const tb = time(b)
    if (ta !== tb) return ta < tb ? -1 : 1
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }
}
