import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  blindDocumentName,
  endAnonymousRound,
  type Person,
  recordAgreedLevel,
  recordParticipant,
  revealBlindRound,
  type StakeholderGroup,
  serverOrigin,
  setAnonymousTally,
  setBlindProgress,
  setTick,
  startAnonymousRound,
  startBlindRound,
  startSession,
  tickKey,
} from '../index.ts'
import { agreedMap, peopleMap, ticksMap } from '../roots.ts'
import { type BoardView, keepUnchanged, readBoardView, type ViewShape } from './boardView.ts'
import { noteChangesSince, watchBoardView } from './boardViewWatch.ts'

const levels = ['emerging', 'developing', 'maturing'].map((id) => ({
  id,
  label: id[0]!.toUpperCase() + id.slice(1),
}))
const shape: ViewShape = {
  areas: ['1a', '1b', '2a'].map((id) => ({
    id,
    levels: levels.map((l) => ({ level: l.id, items: [1, 2].map((n) => ({ id: `${id}.${l.id}.${n}` })) })),
  })),
  levels,
}
// Ticks may name items the framework does not have (an older framework, a stray client): kept in
// `ticks`, never counted.
const items = [
  ...shape.areas.flatMap((a) => a.levels.flatMap((l) => l.items.map((i) => i.id))),
  '9z.emerging.1',
]
const areaIds = shape.areas.map((a) => a.id)
const groups: StakeholderGroup[] = ['ics', 'vcse', 'lived-experience', 'peer-reviewer']
const ME = 'me01'
const others = ['ana1', 'ben1', 'cat1', 'dev1', 'eve1']
const everyone = [ME, ...others]

const person = (id: string, group: StakeholderGroup, name = id): Person => ({
  id,
  name,
  organisation: 'Org',
  group,
  role: 'participant',
  colour: '#005eb8',
  joinedAt: 1,
})

/** A small seeded generator, so a failing sequence can be run again. */
function random(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  return { next, pick }
}

/**
 * A view as plain data for comparing with `toEqual`. The order a map lists its keys in (and so
 * `tickedBy`'s order) is the order this client first saw each key, which Yjs keeps for a key deleted
 * and set again and a rebuilt map does not; nothing on the board reads that order, so it is sorted here.
 */
function plain(value: unknown): unknown {
  if (value instanceof Map)
    return [...value.entries()]
      .map(([k, v]) => [k, plain(v)] as const)
      .sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0))
  if (Array.isArray(value)) return value.map(plain)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value))
      out[k] = k === 'tickedBy' ? [...(v as string[])].sort() : plain(v)
    return out
  }
  return value
}

/**
 * Nothing the watch gives anew could have been kept: `keepUnchanged`, which compares everything,
 * finds no part of the new view equal to the previous one that is not already the same object.
 */
function expectKeptWherePossible(previous: BoardView, next: BoardView) {
  const kept = keepUnchanged(previous, next)
  for (const key of ['people', 'myTicks', 'agreed', 'sessions', 'recorded', 'blindProgress'] as const)
    expect(kept[key]).toBe(next[key])
  for (const key of ['ticks', 'tallies', 'suggestions'] as const) {
    expect(kept[key] === previous[key]).toBe(next[key] === previous[key])
    for (const [id, value] of next[key]) expect(kept[key].get(id)).toBe(value)
  }
  for (const [areaId, tally] of next.tallies) {
    for (const [itemId, item] of tally.items) expect(kept.tallies.get(areaId)?.items.get(itemId)).toBe(item)
  }
}

function setUp() {
  const doc = new Y.Doc()
  const blind = new Y.Doc({ guid: blindDocumentName('assess1', ME) })
  // Another client's copy of the board, for changes that arrive as remote updates (and races).
  const remote = new Y.Doc()
  const sync = () => {
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(remote)))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)))
  }
  return { doc, blind, remote, sync }
}

/** Four people and 30 ticks: a board that already has some of everything, the same for a seed. */
function seedBoard(doc: Y.Doc, { next, pick }: ReturnType<typeof random>, at: number) {
  doc.transact(() => {
    for (const id of everyone.slice(0, 4)) peopleMap(doc).set(id, person(id, pick(groups)))
    for (let i = 0; i < 30; i++)
      ticksMap(doc).set(tickKey(pick(everyone), pick(items)), { ticked: next() < 0.6, at })
  }, serverOrigin('test'))
}

describe('watchBoardView', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1)
  it.each(seeds)(
    'equals a full reading after random changes, and keeps what did not change (seed %i)',
    (seed) => {
      const { next, pick } = random(seed)
      const { doc, blind, remote, sync } = setUp()
      let at = 1
      // Start from a board that already has some of everything.
      seedBoard(doc, { next, pick }, at)
      const watch = watchBoardView(doc, blind, ME, shape)
      let heard = 0
      watch.onChange(() => {
        heard += 1
      })
      let view = watch.read()
      expect(plain(view)).toEqual(plain(readBoardView(doc, blind, ME, shape)))

      for (let step = 0; step < 120; step++) {
        at += 1
        const r = next()
        const who = pick(everyone)
        const item = pick(items)
        if (r < 0.35) setTick(doc, who, item, next() < 0.6, at)
        else if (r < 0.45) {
          // Several changes in one transaction, as a sync after reconnecting brings them.
          doc.transact(() => {
            for (let i = 0; i < 1 + Math.floor(next() * 6); i++) {
              ticksMap(doc).set(tickKey(pick(everyone), pick(items)), { ticked: next() < 0.5, at })
            }
          }, serverOrigin('test'))
        } else if (r < 0.5) ticksMap(doc).delete(tickKey(who, item))
        else if (r < 0.6) {
          // Someone joins, changes group or is renamed (same group); now and then two swap groups at once.
          const current = peopleMap(doc).get(who)
          doc.transact(() => {
            if (current && next() < 0.3) peopleMap(doc).set(who, { ...current, name: `${who}-${at}` })
            else peopleMap(doc).set(who, person(who, pick(groups)))
            const other = pick(others)
            const theirs = peopleMap(doc).get(other)
            if (next() < 0.3 && current && theirs && other !== who) {
              peopleMap(doc).set(who, { ...current, group: theirs.group })
              peopleMap(doc).set(other, { ...theirs, group: current.group })
            }
          }, serverOrigin('test'))
        } else if (r < 0.62) doc.transact(() => peopleMap(doc).delete(who), serverOrigin('test'))
        else if (r < 0.67) startBlindRound(doc, 'chair1', pick(areaIds))
        else if (r < 0.71) revealBlindRound(doc, 'chair1', pick(areaIds), at)
        else if (r < 0.8) setTick(blind, ME, item, next() < 0.6, at)
        else if (r < 0.82) setTick(blind, pick(others), item, true, at)
        else if (r < 0.92) {
          // Remote ticks, and now and then the same key written here and there before they meet.
          setTick(remote, who, item, next() < 0.6, at)
          if (next() < 0.4) setTick(doc, who, item, next() < 0.6, at)
          sync()
        } else if (r < 0.96)
          recordAgreedLevel(doc, 'chair1', pick(areaIds), {
            level: pick(levels).id,
            rationale: '',
            dissent: '',
            sessionId: null,
          })
        else if (r < 0.965) startSession(doc, 'chair1')
        else if (r < 0.97) {
          // The server counts a blind round, or a chair adds someone who took part on paper.
          if (next() < 0.5)
            setBlindProgress(doc, pick(areaIds), { ticked: Math.floor(next() * 4), roundStartedAt: at, at })
          else
            recordParticipant(doc, person(`rec${at}`, pick(groups)), {
              how: next() < 0.5 ? 'paper' : 'phone',
              enteredBy: 'chair1',
              enteredAt: at,
            })
        } else if (r < 0.98) agreedMap(doc).delete(pick(areaIds))
        else if (r < 0.99) {
          // An anonymous round: the chair starts or ends it, and the server writes its counts.
          const areaId = pick(areaIds)
          if (next() < 0.5) startAnonymousRound(doc, 'chair1', areaId, at)
          else endAnonymousRound(doc, 'chair1', areaId, at)
        } else
          setAnonymousTally(doc, pick(areaIds), {
            respondents: 2,
            respondentsByGroup: { [pick(groups)]: 2 },
            items: { [item]: { [pick(groups)]: next() < 0.5 ? 1 : 2 } },
            at,
          })

        // Read after most steps, and now and then only after a few, as a burst is read once.
        if (next() < 0.7 || step === 119) {
          const before = view
          view = watch.read()
          expect(plain(view), `seed ${seed}, step ${step}`).toEqual(
            plain(readBoardView(doc, blind, ME, shape)),
          )
          expectKeptWherePossible(before, view)
          expect(watch.read()).toBe(view)
        }
      }
      expect(heard).toBeGreaterThan(0)
      watch.stop()
    },
  )

  it('counts again only the item ticked, and leaves the rest of the board as it was', () => {
    const { doc, blind } = setUp()
    doc.transact(() => {
      peopleMap(doc).set('ana1', person('ana1', 'ics'))
      peopleMap(doc).set('ben1', person('ben1', 'vcse'))
    }, serverOrigin('test'))
    setTick(doc, 'ana1', '1a.emerging.1', true)
    setTick(doc, 'ben1', '1a.emerging.2', true)
    setTick(doc, 'ben1', '2a.emerging.1', true)
    const watch = watchBoardView(doc, blind, ME, shape)
    const before = watch.read()
    setTick(doc, 'ana1', '1a.emerging.2', true)
    const after = watch.read()
    expect(after.people).toBe(before.people)
    expect(after.myTicks).toBe(before.myTicks)
    expect(after.ticks.get('2a')).toBe(before.ticks.get('2a'))
    expect(after.ticks.get('1a')?.get('1a.emerging.1')).toBe(before.ticks.get('1a')?.get('1a.emerging.1'))
    expect(after.tallies.get('2a')).toBe(before.tallies.get('2a'))
    expect(after.suggestions.get('2a')).toBe(before.suggestions.get('2a'))
    const was = before.tallies.get('1a')!
    const now = after.tallies.get('1a')!
    expect(now).not.toBe(was)
    expect(now.items.get('1a.emerging.2')?.ticked).toBe(2)
    expect(now.items.get('1a.emerging.1')).toBe(was.items.get('1a.emerging.1'))
    expect(now.items.get('1a.developing.1')).toBe(was.items.get('1a.developing.1'))
    // Both of 1a's emerging items were in place already (1 of 2 is half): the suggestion is as it was.
    expect(after.suggestions.get('1a')).toBe(before.suggestions.get('1a'))
    setTick(doc, 'ana1', '1a.developing.1', true)
    setTick(doc, 'ben1', '1a.developing.2', true)
    const moved = watch.read()
    expect(moved.suggestions.get('1a')).not.toBe(after.suggestions.get('1a'))
    expect(moved.suggestions.get('1a')?.level).toBe('developing')
    expect(moved.suggestions.get('2a')).toBe(before.suggestions.get('2a'))
  })

  it('gives the same view object when a change leaves what it holds as it was', () => {
    const { doc, blind } = setUp()
    const watch = watchBoardView(doc, blind, ME, shape)
    const before = watch.read()
    doc.getMap('comments').set('c1', 1)
    expect(watch.read()).toBe(before)
    ticksMap(doc).delete(tickKey('ana1', '1a.emerging.1'))
    expect(watch.read()).toBe(before)
  })

  it('drops an item and an area whose last tick is deleted, as a full reading has none', () => {
    const { doc, blind } = setUp()
    setTick(doc, 'ana1', '2a.emerging.1', true)
    setTick(doc, 'ana1', '1a.emerging.1', true)
    const watch = watchBoardView(doc, blind, ME, shape)
    ticksMap(doc).delete(tickKey('ana1', '2a.emerging.1'))
    const view = watch.read()
    expect(view.ticks.has('2a')).toBe(false)
    expect(plain(view)).toEqual(plain(readBoardView(doc, blind, ME, shape)))
  })

  it('counts again the areas a person ticked in when they join or change group', () => {
    const { doc, blind } = setUp()
    setTick(doc, 'ana1', '1a.emerging.1', true)
    const watch = watchBoardView(doc, blind, ME, shape)
    const before = watch.read()
    expect(before.tallies.get('1a')?.respondents).toBe(0)
    doc.transact(() => peopleMap(doc).set('ana1', person('ana1', 'ics')), serverOrigin('test'))
    const joined = watch.read()
    expect(joined.tallies.get('1a')?.items.get('1a.emerging.1')?.byGroup).toEqual([
      { group: 'ics', ticked: 1, respondents: 1 },
    ])
    expect(joined.tallies.get('2a')).toBe(before.tallies.get('2a'))
    doc.transact(() => peopleMap(doc).set('ana1', person('ana1', 'vcse')), serverOrigin('test'))
    expect(watch.read().tallies.get('1a')?.items.get('1a.emerging.1')?.byGroup[0]?.group).toBe('vcse')
  })

  it('lays private ticks over the person’s own only while the area is blind', () => {
    const { doc, blind } = setUp()
    setTick(doc, ME, '1a.emerging.1', true, 10)
    const watch = watchBoardView(doc, blind, ME, shape)
    startBlindRound(doc, 'chair1', '1a')
    setTick(blind, ME, '1a.emerging.1', false, 20)
    setTick(blind, ME, '1a.emerging.2', true, 20)
    let view = watch.read()
    expect(view.myTicks.get('1a.emerging.1')?.ticked).toBe(false)
    expect(view.myTicks.get('1a.emerging.2')?.ticked).toBe(true)
    // Nobody's counts hold the private ticks.
    expect(view.tallies.get('1a')?.items.get('1a.emerging.2')?.ticked).toBe(0)
    revealBlindRound(doc, 'chair1', '1a', 30)
    view = watch.read()
    // Revealed but not merged yet: the board's tick is shown, not the leftover private one.
    expect(view.myTicks.get('1a.emerging.1')?.ticked).toBe(true)
    expect(view.myTicks.has('1a.emerging.2')).toBe(false)
    expect(plain(view)).toEqual(plain(readBoardView(doc, blind, ME, shape)))
  })

  it('keeps the unchanged parts of a view it starts from, and stops hearing changes when stopped', () => {
    const { doc, blind } = setUp()
    setTick(doc, 'ana1', '1a.emerging.1', true)
    const shown = readBoardView(doc, blind, ME, shape)
    const watch = watchBoardView(doc, blind, ME, shape, shown)
    const first = watch.read()
    expect(first.tallies).toBe(shown.tallies)
    expect(first.ticks).toBe(shown.ticks)
    let heard = 0
    watch.onChange(() => {
      heard += 1
    })
    watch.stop()
    setTick(doc, 'ana1', '1a.emerging.2', true)
    expect(heard).toBe(0)
  })

  it('takes a view known to be up to date as it is, and keeps it up to date from there', () => {
    const { doc, blind } = setUp()
    setTick(doc, 'ana1', '1a.emerging.1', true)
    const shown = readBoardView(doc, blind, ME, shape)
    const watch = watchBoardView(doc, blind, ME, shape, shown, true)
    expect(watch.read()).toBe(shown)
    setTick(doc, 'ana1', '1a.emerging.2', true)
    const next = watch.read()
    expect(next).not.toBe(shown)
    expect(next.ticks.get('1a')?.get('1a.emerging.2')?.get('ana1')?.ticked).toBe(true)
    expect(plain(next)).toEqual(plain(readBoardView(doc, blind, ME, shape)))
    watch.stop()
  })

  it.each(seeds.slice(0, 12))(
    'applies the changes made between a reading and the watch to that reading, as a full reading has them (seed %i)',
    (seed) => {
      const { next, pick } = random(seed)
      const { doc, blind } = setUp()
      let at = 1
      seedBoard(doc, { next, pick }, at)
      startBlindRound(doc, 'chair1', pick(areaIds))
      // The page's first render reads the board; the server's answer and the private document's copy
      // arrive before its effect starts the watch.
      const shown = readBoardView(doc, blind, ME, shape)
      const since = noteChangesSince(doc, blind)
      for (let step = 0; step < 8; step++) {
        at += 1
        const r = next()
        const item = pick(items)
        if (r < 0.4) setTick(doc, pick(everyone), item, next() < 0.6, at)
        else if (r < 0.55) setTick(blind, ME, item, next() < 0.6, at)
        else if (r < 0.7)
          doc.transact(
            () => peopleMap(doc).set(pick(others), person(pick(others), pick(groups))),
            serverOrigin('test'),
          )
        else if (r < 0.8) ticksMap(doc).delete(tickKey(pick(everyone), item))
        else if (r < 0.9) revealBlindRound(doc, 'chair1', pick(areaIds), at)
        else
          recordAgreedLevel(doc, 'chair1', pick(areaIds), {
            level: pick(levels).id,
            rationale: '',
            dissent: '',
            sessionId: null,
          })
      }
      const watch = watchBoardView(doc, blind, ME, shape, shown, false, since.take())
      const view = watch.read()
      expect(plain(view), `seed ${seed}`).toEqual(plain(readBoardView(doc, blind, ME, shape)))
      expectKeptWherePossible(shown, view)
      // Taken once: a second taker (a second mount) reads the board itself.
      expect(since.take()).toBeNull()
      watch.stop()
    },
  )

  it('stops noting changes nobody took, after the time given', () => {
    vi.useFakeTimers()
    try {
      const { doc, blind } = setUp()
      const since = noteChangesSince(doc, blind, 1000)
      const unobserve = vi.spyOn(Y.Map.prototype, 'unobserve')
      vi.advanceTimersByTime(999)
      expect(unobserve).not.toHaveBeenCalled()
      vi.advanceTimersByTime(1)
      // Every map it watched (seven on the board, the private ticks) is let go.
      expect(unobserve).toHaveBeenCalledTimes(8)
      setTick(doc, 'ana1', '1a.emerging.1', true)
      expect(since.take()).toBeNull()
      unobserve.mockRestore()
    } finally {
      vi.useRealTimers()
    }
  })

  it('reads a whole board that arrives at once (a first sync) and follows single changes after it', () => {
    const { doc, blind, remote } = setUp()
    const watch = watchBoardView(doc, blind, ME, shape)
    const crowd = [ME, ...Array.from({ length: 30 }, (_, i) => `p${String(i).padStart(3, '0')}`)]
    remote.transact(() => {
      crowd.forEach((id, i) => {
        peopleMap(remote).set(id, person(id, groups[i % groups.length]!))
        items.forEach((item, j) => {
          ticksMap(remote).set(tickKey(id, item), { ticked: (i + j) % 3 !== 0, at: 1 })
        })
      })
    }, serverOrigin('test'))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote))
    const first = watch.read()
    expect(plain(first)).toEqual(plain(readBoardView(doc, blind, ME, shape)))
    expect(first.myTicks.size).toBe(items.length)
    // What the watch follows one change at a time after that reading is still right.
    setTick(doc, ME, items[0]!, false)
    setTick(doc, 'p001', items[1]!, false)
    doc.transact(() => peopleMap(doc).set('p002', person('p002', 'vcse')), serverOrigin('test'))
    const next = watch.read()
    expect(next.myTicks.get(items[0]!)?.ticked).toBe(false)
    expect(plain(next)).toEqual(plain(readBoardView(doc, blind, ME, shape)))
    watch.stop()
  })
})
