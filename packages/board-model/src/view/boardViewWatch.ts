import type * as Y from 'yjs'
import { peopleMap, ticksMap } from '../roots.ts'
import { type BoardView, keepUnchanged, readBoardView, type ViewShape } from './boardView.ts'
import { watchAreaTallies } from './watch/areaTallies.ts'
import {
  anyChangedKeys,
  type ChangedKeys,
  clearChangedKeys,
  mergeChangedKeys,
  noChangedKeys,
  observeChangedKeys,
} from './watch/changedKeys.ts'
import { isBulk } from './watch/isBulk.ts'
import { watchOwnTicks } from './watch/ownTicks.ts'
import { applyPeopleChanges } from './watch/peopleChanges.ts'
import { readSettingChanges } from './watch/settingChanges.ts'
import { applyTickChanges, type SeenTick } from './watch/tickChanges.ts'

/**
 * What changed in the documents since a reading of them was taken: started with the reading (in a
 * render), handed to `watchBoardView` with it (in the effect after), so the changes in between (the
 * server's answer, a copy loading) are followed key by key rather than by reading the whole board
 * again. One never taken (a render React threw away) stops noting after `giveUpAfterMs`.
 */
export interface ChangesSince {
  /** The changes noted so far, once; null if taken already or given up. Stops noting. */
  take: () => ChangedKeys | null
}

export function noteChangesSince(doc: Y.Doc, blindDoc: Y.Doc | null, giveUpAfterMs = 5000): ChangesSince {
  let changes: ChangedKeys | null = noChangedKeys()
  const stopObserving = observeChangedKeys(doc, blindDoc, changes, () => undefined)
  const stop = () => {
    clearTimeout(timer)
    stopObserving()
    const noted = changes
    changes = null
    return noted
  }
  const timer = setTimeout(stop, giveUpAfterMs)
  return { take: stop }
}

export interface BoardViewWatch {
  /** The board as it is now: the same object until something it holds changes. */
  read: () => BoardView
  /** Called (synchronously, once per transaction) when a change reaches what the view holds. */
  onChange: (listener: () => void) => () => void
  stop: () => void
}

/**
 * The board view kept up to date from the changes themselves rather than read again whole. The maps'
 * observers say which keys changed (a tick key is `${personId}/${itemId}`); reading then updates only
 * the items and areas those keys touch, and, when someone joins or changes group, the areas they
 * ticked in. Whatever did not change stays the same object, as `keepUnchanged` would leave it.
 *
 * With `previous`, the first reading keeps that view's unchanged parts (a view from `readBoardView`
 * shown before watching started). With `upToDate` as well, `previous` is known to be a reading of the
 * documents as they are now (nothing changed since), and is taken as it is: on a finished board a
 * whole reading is a few hundred milliseconds of the first screen. With `missed` instead, `previous`
 * is a reading from before those changes (`noteChangesSince`), and they are applied to it as any
 * other change would be.
 */
export function watchBoardView(
  doc: Y.Doc,
  blindDoc: Y.Doc | null,
  personId: string,
  shape: ViewShape,
  previous: BoardView | null = null,
  upToDate = false,
  missed: ChangedKeys | null = null,
): BoardViewWatch {
  const wholeReading = () => readBoardView(doc, blindDoc, personId, shape)
  let view =
    previous && (upToDate || missed)
      ? previous
      : previous
        ? keepUnchanged(previous, wholeReading())
        : wholeReading()

  // What the changes are applied to: the people and areas of the view, and the person's own ticks.
  const tallies = watchAreaTallies(shape)
  const ownTicks = watchOwnTicks(doc, blindDoc, personId)
  const startFrom = (reading: BoardView, viewIsStale = false) => {
    tallies.startFrom(reading)
    ownTicks.reset(viewIsStale)
  }
  const behind = previous !== null && missed !== null && !upToDate && anyChangedKeys(missed)
  startFrom(view, behind)
  const seenTick: SeenTick = (who, areaId, itemId, now) => {
    if (now !== undefined) tallies.noteArea(who, areaId)
    if (who === personId) ownTicks.boardTick(itemId, now)
  }

  const changes = noChangedKeys()
  if (behind && missed) mergeChangedKeys(changes, missed)
  let dirty = behind
  const listeners = new Set<() => void>()
  const stopObserving = observeChangedKeys(doc, blindDoc, changes, () => {
    dirty = true
    for (const listener of [...listeners]) listener()
  })

  /** The view with the changes noted since the last reading applied to it. */
  function readChanges(): BoardView {
    const { people, touched } = applyPeopleChanges(view.people, changes.people, peopleMap(doc))
    const { ticks, items } = applyTickChanges(view.ticks, changes.ticks, ticksMap(doc), seenTick)
    ownTicks.privateTicks(changes.privateTicks)
    const settings = readSettingChanges(doc, view, changes)
    const myTicks = ownTicks.read(view.myTicks, settings.live, changes.live)
    clearChangedKeys(changes)
    const { tallies: areaTallies, suggestions } = tallies.count(
      view,
      { people, ticks, live: settings.live },
      items,
      touched,
    )
    return {
      people,
      ticks,
      myTicks,
      agreed: settings.agreed,
      live: settings.live,
      sessions: settings.sessions,
      tallies: areaTallies,
      suggestions,
      recorded: settings.recorded,
      blindProgress: settings.blindProgress,
    }
  }

  /**
   * The first sync of a finished board, or its copy loading from IndexedDB, changes thousands of keys
   * at once: one whole reading is a few times cheaper than following each of them.
   */
  function readWhole(): BoardView {
    clearChangedKeys(changes)
    const next = keepUnchanged(view, wholeReading())
    startFrom(next)
    return next
  }

  return {
    read() {
      if (!dirty) return view
      dirty = false
      const keys = changes.ticks.size + changes.privateTicks.size + changes.people.size
      const next = isBulk(keys, ticksMap(doc).size) ? readWhole() : readChanges()
      if (!sameView(next, view)) view = next
      return view
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop() {
      stopObserving()
      listeners.clear()
    },
  }
}

/** Every part the same object: the view is kept, so whoever compares it sees no change. */
function sameView(a: BoardView, b: BoardView): boolean {
  return (Object.keys(a) as Array<keyof BoardView>).every((key) => a[key] === b[key])
}
