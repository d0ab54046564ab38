import type * as Y from 'yjs'
import { recordedMap } from '../../records/recordedParticipant.ts'
import { agreedMap, liveMap, metaMap, peopleMap, sessionsMap, ticksMap } from '../../roots.ts'

/**
 * What changed in the board's maps since the view was last read. Ticks and people are followed key
 * by key (a change touches a few items and areas); the rest are small and read again whole, so a flag
 * is enough for them.
 */
export interface ChangedKeys {
  ticks: Set<string>
  privateTicks: Set<string>
  people: Set<string>
  /** The live settings, or the board's meta, which the live settings are read with. */
  live: boolean
  agreed: boolean
  sessions: boolean
  recorded: boolean
}

export function noChangedKeys(): ChangedKeys {
  return {
    ticks: new Set(),
    privateTicks: new Set(),
    people: new Set(),
    live: false,
    agreed: false,
    sessions: false,
    recorded: false,
  }
}

export function clearChangedKeys(changes: ChangedKeys): void {
  changes.ticks.clear()
  changes.privateTicks.clear()
  changes.people.clear()
  changes.live = false
  changes.agreed = false
  changes.sessions = false
  changes.recorded = false
}

/**
 * Notes into `changes` what every transaction changes in the maps the view holds, then calls
 * `changed` (once per map a transaction touched). Returns a function that stops observing.
 */
export function observeChangedKeys(
  doc: Y.Doc,
  blindDoc: Y.Doc | null,
  changes: ChangedKeys,
  changed: () => void,
): () => void {
  const stops: Array<() => void> = []
  const watch = <T>(map: Y.Map<T>, seen: (keys: Set<string>) => void) => {
    const observer = (event: Y.YMapEvent<T>) => {
      seen(event.keysChanged)
      changed()
    }
    map.observe(observer)
    stops.push(() => map.unobserve(observer))
  }
  watch(ticksMap(doc), (keys) => addAll(changes.ticks, keys))
  watch(peopleMap(doc), (keys) => addAll(changes.people, keys))
  watch(liveMap(doc), () => {
    changes.live = true
  })
  watch(metaMap(doc), () => {
    changes.live = true
  })
  watch(agreedMap(doc), () => {
    changes.agreed = true
  })
  watch(sessionsMap(doc), () => {
    changes.sessions = true
  })
  watch(recordedMap(doc), () => {
    changes.recorded = true
  })
  if (blindDoc) watch(ticksMap(blindDoc), (keys) => addAll(changes.privateTicks, keys))
  return () => {
    for (const stop of stops) stop()
    stops.length = 0
  }
}

/** Adds what `more` holds to `into`. */
export function mergeChangedKeys(into: ChangedKeys, more: ChangedKeys): void {
  addAll(into.ticks, more.ticks)
  addAll(into.privateTicks, more.privateTicks)
  addAll(into.people, more.people)
  into.live ||= more.live
  into.agreed ||= more.agreed
  into.sessions ||= more.sessions
  into.recorded ||= more.recorded
}

export function anyChangedKeys(changes: ChangedKeys): boolean {
  return (
    changes.ticks.size > 0 ||
    changes.privateTicks.size > 0 ||
    changes.people.size > 0 ||
    changes.live ||
    changes.agreed ||
    changes.sessions ||
    changes.recorded
  )
}

function addAll(into: Set<string>, keys: Set<string>) {
  for (const key of keys) into.add(key)
}
