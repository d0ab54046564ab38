import type { Thread } from '@co-assess/board-model'
import { openThreadsByArea } from './conversationView.ts'
import { useTalk } from './useTalk.ts'

// Every area row asks: count once per reading of the threads rather than once per row.
const counted = new WeakMap<Thread[], Map<string, number>>()
function openCounts(threads: Thread[]): Map<string, number> {
  let counts = counted.get(threads)
  if (!counts) {
    counts = openThreadsByArea(threads)
    counted.set(threads, counts)
  }
  return counts
}

/** Open threads on an area, for the overview: where the talk is. */
export function ThreadCount({ areaId }: { areaId: string }) {
  const talk = useTalk()
  const open = openCounts(talk.threads).get(areaId) ?? 0
  const differs = [...(talk.peer.get(areaId)?.values() ?? [])].some(
    (s) => talk.view.agreed.get(areaId) && talk.view.agreed.get(areaId)?.level !== s.level,
  )
  return (
    <>
      {open > 0 ? (
        <span className="co-area-row__here" data-testid="thread-count">
          {open === 1 ? '1 open comment thread' : `${open} open comment threads`}
        </span>
      ) : null}
      {differs ? <strong className="nhsuk-tag nhsuk-tag--orange">Peer suggestion differs</strong> : null}
    </>
  )
}
