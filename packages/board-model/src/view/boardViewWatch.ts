import type * as Y from 'yjs'
import { areaOfItem } from '../ids.ts'
import type { AreaShape } from '../read/areaShape.ts'
import { readAgreedLevels, readSessions } from '../read/readRecords.ts'
import { suggestLevel } from '../read/suggestLevel.ts'
import {
  type AreaRespondents,
  type AreaTally,
  areaRespondents,
  type ItemTally,
  tallyItem,
} from '../read/tallyArea.ts'
import { type AreaTicks, ticksOfPerson } from '../read/ticksByArea.ts'
import { readBlindProgressByArea } from '../records/blindProgress.ts'
import { areaIsAnonymous, readLive } from '../records/live.ts'
import type { Person } from '../records/person.ts'
import { readRecordedParticipants, recordedMap } from '../records/recordedParticipant.ts'
import { type Tick, tickKey } from '../records/tick.ts'
import { agreedMap, liveMap, metaMap, peopleMap, sessionsMap, ticksMap } from '../roots.ts'
import {
  areaTallyOf,
  type BoardView,
  keepTally,
  keepUnchanged,
  myTicksOf,
  readBoardView,
  sameBlindProgress,
  sameItemTally,
  sameRecorded,
  sameSuggestion,
  type ViewShape,
} from './boardView.ts'
import { keepList, keepMap } from './sameValues.ts'

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
 * whole reading is a few hundred milliseconds of the first screen.
 */
export function watchBoardView(
  doc: Y.Doc,
  blindDoc: Y.Doc | null,
  personId: string,
  shape: ViewShape,
  previous: BoardView | null = null,
  upToDate = false,
): BoardViewWatch {
  let view =
    previous && upToDate
      ? previous
      : previous
        ? keepUnchanged(previous, readBoardView(doc, blindDoc, personId, shape))
        : readBoardView(doc, blindDoc, personId, shape)

  const areas = new Map<string, AreaShape>(shape.areas.map((area) => [area.id, area]))
  const itemIdsOf = new Map<string, string[]>(
    shape.areas.map((area) => [area.id, area.levels.flatMap((level) => level.items.map((item) => item.id))]),
  )
  /** Areas each person has ticked in (never forgotten, so at worst an area is counted again for nothing). */
  const areasOfPerson = new Map<string, Set<string>>()
  const respondents = new Map<string, AreaRespondents>()
  const onBoard = new Map<string, Tick>()
  const inPrivate = new Map<string, Tick>()
  /** What the changes are applied to: the people and areas of `reading`, and the person's own ticks. */
  function startFrom(reading: BoardView) {
    areasOfPerson.clear()
    for (const [areaId, area] of reading.ticks) {
      for (const perItem of area.values()) for (const who of perItem.keys()) noteArea(who, areaId)
    }
    respondents.clear()
    for (const area of shape.areas)
      respondents.set(area.id, areaRespondents(reading.ticks.get(area.id), reading.people))
    replaceAll(onBoard, ticksOfPerson(doc, personId))
    replaceAll(inPrivate, blindDoc ? ticksOfPerson(blindDoc, personId) : new Map<string, Tick>())
  }
  startFrom(view)

  const changedTicks = new Set<string>()
  const changedPrivate = new Set<string>()
  const changedPeople = new Set<string>()
  let liveChanged = false
  let agreedChanged = false
  let sessionsChanged = false
  let recordedChanged = false
  let dirty = false

  const listeners = new Set<() => void>()
  const changed = () => {
    dirty = true
    for (const listener of [...listeners]) listener()
  }
  const observers: Array<() => void> = []
  const watch = <T>(map: Y.Map<T>, seen: (keys: Set<string>) => void) => {
    const observer = (event: Y.YMapEvent<T>) => {
      seen(event.keysChanged)
      changed()
    }
    map.observe(observer)
    observers.push(() => map.unobserve(observer))
  }
  watch(ticksMap(doc), (keys) => addAll(changedTicks, keys))
  watch(peopleMap(doc), (keys) => addAll(changedPeople, keys))
  watch(liveMap(doc), () => {
    liveChanged = true
  })
  watch(metaMap(doc), () => {
    liveChanged = true
  })
  watch(agreedMap(doc), () => {
    agreedChanged = true
  })
  watch(sessionsMap(doc), () => {
    sessionsChanged = true
  })
  watch(recordedMap(doc), () => {
    recordedChanged = true
  })
  if (blindDoc) watch(ticksMap(blindDoc), (keys) => addAll(changedPrivate, keys))

  function noteArea(who: string, areaId: string) {
    let set = areasOfPerson.get(who)
    if (!set) {
      set = new Set()
      areasOfPerson.set(who, set)
    }
    set.add(areaId)
  }

  function readPeopleChanges(): { people: Map<string, Person>; touched: Set<string> } {
    const touched = new Set<string>()
    let people = view.people
    const source = peopleMap(doc)
    for (const key of changedPeople) {
      const now = source.get(key)
      if (now === people.get(key)) continue
      if (people === view.people) people = new Map(people)
      if (now === undefined) people.delete(key)
      else people.set(key, now)
      touched.add(key)
    }
    changedPeople.clear()
    return { people, touched }
  }

  /** Applies the changed tick keys to a copy of the ticks by area; returns the items changed per area. */
  function readTickChanges(): {
    ticks: Map<string, AreaTicks>
    items: Map<string, Set<string>>
    mine: boolean
  } {
    const items = new Map<string, Set<string>>()
    let mine = false
    let ticks = view.ticks
    const copied = new Set<AreaTicks | Map<string, Tick>>()
    const source = ticksMap(doc)
    for (const key of changedTicks) {
      const owned = tickKey.decode(key)
      if (!owned) continue
      const { personId: who, rest: itemId } = owned
      const areaId = areaOfItem(itemId)
      const now = source.get(key)
      if (now === ticks.get(areaId)?.get(itemId)?.get(who)) continue
      if (ticks === view.ticks) ticks = new Map(ticks)
      let area = ticks.get(areaId)
      if (!area || !copied.has(area)) {
        area = new Map(area)
        copied.add(area)
        ticks.set(areaId, area)
      }
      let perItem = area.get(itemId)
      if (!perItem || !copied.has(perItem)) {
        perItem = new Map(perItem)
        copied.add(perItem)
        area.set(itemId, perItem)
      }
      if (now === undefined) perItem.delete(who)
      else {
        perItem.set(who, now)
        noteArea(who, areaId)
      }
      let changedItems = items.get(areaId)
      if (!changedItems) {
        changedItems = new Set()
        items.set(areaId, changedItems)
      }
      changedItems.add(itemId)
      if (who === personId) {
        mine = true
        if (now === undefined) onBoard.delete(itemId)
        else onBoard.set(itemId, now)
      }
    }
    changedTicks.clear()
    // A full reading holds no empty item or area (they come from ticks), so neither does this one.
    for (const [areaId, changedItems] of items) {
      const area = ticks.get(areaId)
      if (!area) continue
      for (const itemId of changedItems) if (area.get(itemId)?.size === 0) area.delete(itemId)
      if (area.size === 0) ticks.delete(areaId)
    }
    return { ticks, items, mine }
  }

  function readPrivateChanges(): boolean {
    if (!blindDoc) return false
    let mine = false
    const source = ticksMap(blindDoc)
    for (const key of changedPrivate) {
      const owned = tickKey.decode(key)
      if (owned?.personId !== personId) continue
      const now = source.get(key)
      if (now === inPrivate.get(owned.rest)) continue
      if (now === undefined) inPrivate.delete(owned.rest)
      else inPrivate.set(owned.rest, now)
      mine = true
    }
    changedPrivate.clear()
    return mine
  }

  /** One area's tally again: only its changed items, unless the number of respondents in a group moved. */
  function retally(
    area: AreaShape,
    was: AreaTally,
    ticks: AreaTicks | undefined,
    people: ReadonlyMap<string, Person>,
    changedItems: Set<string> | 'all',
  ): AreaTally {
    const now = areaRespondents(ticks, people)
    const before = respondents.get(area.id)
    respondents.set(area.id, now)
    const itemIds =
      changedItems !== 'all' && before && sameCounts(before, now)
        ? changedItems
        : (itemIdsOf.get(area.id) ?? [])
    let items: Map<string, ItemTally> | null = null
    for (const itemId of itemIds) {
      const old = was.items.get(itemId)
      if (!old) continue // a tick on an item the framework does not have is not counted
      const tally = tallyItem(itemId, ticks?.get(itemId), people, now)
      if (sameItemTally(old, tally)) continue
      items ??= new Map(was.items)
      items.set(itemId, tally)
    }
    if (!items && was.respondents === now.all.size) return was
    return { areaId: was.areaId, respondents: now.all.size, items: items ?? was.items }
  }

  function read(): BoardView {
    if (!dirty) return view
    dirty = false
    if (isBulk(changedTicks.size + changedPrivate.size + changedPeople.size, ticksMap(doc).size)) {
      // The first sync of a finished board, or its copy loading from IndexedDB, changes thousands of
      // keys at once: one whole reading is a few times cheaper than following each of them.
      changedTicks.clear()
      changedPrivate.clear()
      changedPeople.clear()
      liveChanged = false
      agreedChanged = false
      sessionsChanged = false
      recordedChanged = false
      const next = keepUnchanged(view, readBoardView(doc, blindDoc, personId, shape))
      startFrom(next)
      const same = (Object.keys(next) as Array<keyof BoardView>).every((key) => next[key] === view[key])
      if (!same) view = next
      return view
    }
    const { people, touched } = readPeopleChanges()
    const { ticks, items, mine } = readTickChanges()
    const privateChanged = readPrivateChanges()
    const live = liveChanged ? readLive(doc) : view.live
    // The server's blind-round counts are live keys too.
    const blindProgress = liveChanged
      ? keepMap(view.blindProgress, readBlindProgressByArea(doc), sameBlindProgress)
      : view.blindProgress
    const myTicks =
      mine || privateChanged || (liveChanged && inPrivate.size > 0)
        ? keepMap(view.myTicks, myTicksOf(onBoard, inPrivate, live))
        : view.myTicks
    liveChanged = false
    const agreed = agreedChanged ? keepMap(view.agreed, readAgreedLevels(doc)) : view.agreed
    agreedChanged = false
    const sessions = sessionsChanged ? keepList(view.sessions, readSessions(doc)) : view.sessions
    sessionsChanged = false
    const recorded = recordedChanged
      ? keepMap(view.recorded, readRecordedParticipants(doc), sameRecorded)
      : view.recorded
    recordedChanged = false

    const toCount = new Map<string, Set<string> | 'all'>(items)
    for (const who of touched) for (const areaId of areasOfPerson.get(who) ?? []) toCount.set(areaId, 'all')
    let tallies = view.tallies
    let suggestions = view.suggestions
    for (const [areaId, changedItems] of toCount) {
      const area = areas.get(areaId)
      const was = tallies.get(areaId)
      // An anonymous round's area is counted by the server, not from the board's ticks (below).
      if (!area || !was || areaIsAnonymous(live, areaId)) continue
      const tally = retally(area, was, ticks.get(areaId), people, changedItems)
      if (tally === was) continue
      if (tallies === view.tallies) tallies = new Map(tallies)
      tallies.set(areaId, tally)
      const suggestion = suggestLevel(area, tally, shape.levels)
      const before = suggestions.get(areaId)
      if (before && sameSuggestion(before, suggestion)) continue
      if (suggestions === view.suggestions) suggestions = new Map(suggestions)
      suggestions.set(areaId, suggestion)
    }

    if (live !== view.live) {
      // A round started or ended, or the server's counts moved: every area whose tally source or
      // counts may have changed is read again whole, keeping each item that did not change.
      for (const area of shape.areas) {
        const wasAnonymous = areaIsAnonymous(view.live, area.id)
        const nowAnonymous = areaIsAnonymous(live, area.id)
        if (!wasAnonymous && !nowAnonymous) continue
        if (
          wasAnonymous &&
          nowAnonymous &&
          view.live.anonymousCounts.get(area.id) === live.anonymousCounts.get(area.id)
        )
          continue
        const was = tallies.get(area.id)
        const now = areaTallyOf(area, live, ticks.get(area.id), people)
        if (!nowAnonymous) respondents.set(area.id, areaRespondents(ticks.get(area.id), people))
        const tally = was ? keepTally(was, now) : now
        if (tally === was) continue
        if (tallies === view.tallies) tallies = new Map(tallies)
        tallies.set(area.id, tally)
        const suggestion = suggestLevel(area, tally, shape.levels)
        const before = suggestions.get(area.id)
        if (before && sameSuggestion(before, suggestion)) continue
        if (suggestions === view.suggestions) suggestions = new Map(suggestions)
        suggestions.set(area.id, suggestion)
      }
    }

    const next: BoardView = {
      people,
      ticks,
      myTicks,
      agreed,
      live,
      sessions,
      tallies,
      suggestions,
      recorded,
      blindProgress,
    }
    const same = (Object.keys(next) as Array<keyof BoardView>).every((key) => next[key] === view[key])
    if (!same) view = next
    return view
  }

  return {
    read,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop() {
      for (const stop of observers) stop()
      observers.length = 0
      listeners.clear()
    },
  }
}

/**
 * Whether so many keys changed at once that the board is better read again whole: more than a few
 * hundred, and more than a quarter of the board's ticks.
 */
export function isBulk(changedKeys: number, boardTicks: number): boolean {
  return changedKeys > 256 && changedKeys * 4 > boardTicks
}

function replaceAll<K, V>(into: Map<K, V>, from: ReadonlyMap<K, V>) {
  into.clear()
  for (const [key, value] of from) into.set(key, value)
}

function addAll(into: Set<string>, keys: Set<string>) {
  for (const key of keys) into.add(key)
}

/** The same number of respondents in all and in every group: enough, with the same people, for items. */
function sameCounts(a: AreaRespondents, b: AreaRespondents): boolean {
  if (a.all.size !== b.all.size || a.byGroup.size !== b.byGroup.size) return false
  for (const [group, set] of a.byGroup) if (b.byGroup.get(group)?.size !== set.size) return false
  return true
}
