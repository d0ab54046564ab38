import type * as Y from 'yjs'

/** Finds the struct that contains `clock` in one client's structs, which Yjs keeps sorted by clock. */
export function findStruct<T extends { id: Y.ID; length: number }>(
  structs: T[],
  clock: number,
): T | undefined {
  let low = 0
  let high = structs.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const struct = structs[mid]!
    if (clock < struct.id.clock) high = mid - 1
    else if (clock >= struct.id.clock + struct.length) low = mid + 1
    else return struct
  }
  return undefined
}
