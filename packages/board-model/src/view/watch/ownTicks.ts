import type * as Y from 'yjs'
import { ticksOfPerson } from '../../read/ticksByArea.ts'
import type { LiveState } from '../../records/live.ts'
import { type Tick, tickKey } from '../../records/tick.ts'
import { ticksMap } from '../../roots.ts'
import { myTicksOf } from '../boardView.ts'
import { keepMap } from '../sameValues.ts'

/**
 * The person's own ticks, on the board and in their private document, kept as the changes arrive, so
 * `myTicks` is laid out again from them instead of from the whole board.
 */
export interface OwnTicks {
  /**
   * Reads both documents again whole (the watch starting, or a bulk change). `viewIsStale`: the
   * `myTicks` the next `read` is given was read before changes that reading already holds, so it is
   * laid out again.
   */
  reset(viewIsStale?: boolean): void
  /** A tick of the person's on the board changed (`now` undefined: deleted). */
  boardTick(itemId: string, now: Tick | undefined): void
  /** Reads the private document's changed tick keys; other people's keys there are ignored. */
  privateTicks(keys: Iterable<string>): void
  /**
   * `myTicks` for `live`: `was` itself unless the person's ticks changed since the last call, or the
   * live settings did while private ticks are held (a round ending lifts them off the board's).
   */
  read(was: Map<string, Tick>, live: LiveState, liveChanged: boolean): Map<string, Tick>
}

export function watchOwnTicks(doc: Y.Doc, blindDoc: Y.Doc | null, personId: string): OwnTicks {
  const onBoard = new Map<string, Tick>()
  const inPrivate = new Map<string, Tick>()
  let changed = false
  return {
    reset(viewIsStale = false) {
      replaceAll(onBoard, ticksOfPerson(doc, personId))
      replaceAll(inPrivate, blindDoc ? ticksOfPerson(blindDoc, personId) : new Map<string, Tick>())
      changed = viewIsStale
    },
    boardTick(itemId, now) {
      changed = true
      if (now === undefined) onBoard.delete(itemId)
      else onBoard.set(itemId, now)
    },
    privateTicks(keys) {
      if (!blindDoc) return
      const source = ticksMap(blindDoc)
      for (const key of keys) {
        const owned = tickKey.decode(key)
        if (owned?.personId !== personId) continue
        const now = source.get(key)
        if (now === inPrivate.get(owned.rest)) continue
        if (now === undefined) inPrivate.delete(owned.rest)
        else inPrivate.set(owned.rest, now)
        changed = true
      }
    },
    read(was, live, liveChanged) {
      const due = changed || (liveChanged && inPrivate.size > 0)
      changed = false
      return due ? keepMap(was, myTicksOf(onBoard, inPrivate, live)) : was
    },
  }
}

function replaceAll<K, V>(into: Map<K, V>, from: ReadonlyMap<K, V>) {
  into.clear()
  for (const [key, value] of from) into.set(key, value)
}
