import {
  type AreaShape,
  type BoardView,
  keepUnchanged,
  type Person,
  readBoardView,
  serverOrigin,
  setTick,
  tickKey,
  type ViewShape,
  watchBoardView,
} from '@co-assess/board-model'
import { peopleMap, ticksMap } from '@co-assess/board-model/roots'
import * as Y from 'yjs'

// What one tick costs the board view on a finished board: 30 people, 280 items, 8,400 ticks. Prints
// figures, asserts nothing. Run: npx -y pnpm@10.34.8 exec node apps/web/test/benchBoardView.ts

const RUNS = 1000
const WARM_UP = 200

let seed = 42
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed / 0x7fffffff
}
// The CQC framework's size: 26 areas of 4 levels, 280 items (72 levels of 3 items, 32 of 2).
const levels = ['emerging', 'developing', 'maturing', 'thriving'].map((id) => ({ id, label: id }))
const areas: AreaShape[] = Array.from({ length: 26 }, (_, a) => {
  const id = `${1 + Math.floor(a / 4)}${'abcd'[a % 4]}`
  return {
    id,
    levels: levels.map((level, l) => ({
      level: level.id,
      items: Array.from({ length: a * 4 + l < 72 ? 3 : 2 }, (_, n) => ({ id: `${id}.${level.id}.${n + 1}` })),
    })),
  }
})
const shape: ViewShape = { areas, levels }
const items = areas.flatMap((area) => area.levels.flatMap((level) => level.items.map((item) => item.id)))
const groups: Person['group'][] = ['ics', 'vcse', 'lived-experience']
const people = Array.from({ length: 30 }, (_, i) => `person${String(i).padStart(2, '0')}`)

function finishedBoard(): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    people.forEach((id, i) => {
      const group = groups[i % groups.length] ?? 'ics'
      peopleMap(doc).set(id, {
        id,
        name: id,
        organisation: 'o',
        group,
        role: 'participant',
        colour: '#005eb8',
        joinedAt: 1,
      })
    })
    for (const p of people)
      for (const item of items) ticksMap(doc).set(tickKey(p, item), { ticked: random() < 0.6, at: 1 })
  }, serverOrigin('bench'))
  return doc
}

/** Milliseconds for one tick (written to the document) and the board view brought up to date after it. */
function measure(what: string, doc: Y.Doc, update: () => BoardView) {
  const times: number[] = []
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const p = people[Math.floor(random() * people.length)] ?? 'person00'
    const item = items[Math.floor(random() * items.length)] ?? 'x'
    const start = performance.now()
    setTick(doc, p, item, !(ticksMap(doc).get(tickKey(p, item))?.ticked ?? false), 2 + i)
    update()
    if (i >= WARM_UP) times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0).toFixed(3)
  console.log(`${what}: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${RUNS} ticks)`)
}

const fullDoc = finishedBoard()
console.log(`board: ${people.length} people, ${items.length} items, ${ticksMap(fullDoc).size} ticks`)
let full = readBoardView(fullDoc, null, people[0] ?? '', shape)
measure('full re-read (readBoardView + keepUnchanged, every tally)', fullDoc, () => {
  full = keepUnchanged(full, readBoardView(fullDoc, null, people[0] ?? '', shape))
  return full
})

const watchedDoc = finishedBoard()
const watch = watchBoardView(watchedDoc, null, people[0] ?? '', shape)
watch.read()
measure('incremental (watchBoardView)', watchedDoc, () => watch.read())
measure('setTick alone (the floor)', finishedBoard(), () => full)
