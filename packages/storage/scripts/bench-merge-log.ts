// Prints how long loading a long, uncompacted document log takes: the store's merge (apply to a
// scratch document) against Y.mergeUpdates on the same updates. A crash under steady writing leaves
// such a log; its length is what decides how soon a board reopens.
//   node packages/storage/scripts/bench-merge-log.ts [updates ...]   (default: 1000 5000 29000)
// Y.mergeUpdates is skipped above 10,000 updates unless BENCH_MERGE_ALL=1: it takes minutes there.
import * as Y from 'yjs'
import { mergeStoredUpdates } from '../src/mergeStoredUpdates.ts'

function logOf(count: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  // One tick at a time, as the server appends them: 30 people, 280 items.
  for (let i = 0; i < count; i++)
    doc.getMap('ticks').set(`person-${i % 30}/item-${i % 280}`, { ticked: i % 3 !== 0, at: i })
  return updates
}

function timed(run: () => unknown): number {
  const started = performance.now()
  run()
  return performance.now() - started
}

const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0)
console.log('| updates in the log | store merge ms (median of 5) | Y.mergeUpdates ms |')
console.log('| ---: | ---: | ---: |')
for (const count of counts.length > 0 ? counts : [1000, 5000, 29000]) {
  const updates = logOf(count)
  const ours = Array.from({ length: 5 }, () => timed(() => mergeStoredUpdates(updates))).sort(
    (a, b) => a - b,
  )[2]!
  const theirs =
    count <= 10_000 || process.env.BENCH_MERGE_ALL === '1'
      ? timed(() => Y.mergeUpdates(updates)).toFixed(0)
      : 'skipped (minutes)'
  console.log(`| ${count} | ${ours.toFixed(0)} | ${theirs} |`)
}
