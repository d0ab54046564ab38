import type { Thread } from '@co-assess/board-model'
import { useBoardContext } from '../board/BoardContext.tsx'
import { openThreadsByArea } from './conversationView.ts'
import { useConversation } from './useConversation.ts'

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
// It reads the conversation and the board alone, not the talk (useTalk): on the overview there is one
// per area, and none needs what the talk adds (this person's anonymous name, arriving later, would
// draw them all again).
export function ThreadCount({ areaId }: { areaId: string }) {
  const { connection, view } = useBoardContext()
  const { threads, peer } = useConversation(connection.doc)
  const open = openCounts(threads).get(areaId) ?? 0
  const agreed = view.agreed.get(areaId)
  const differs = [...(peer.get(areaId)?.values() ?? [])].some((s) => agreed && agreed.level !== s.level)
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
