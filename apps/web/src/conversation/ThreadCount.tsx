import { openThreadsByArea } from './conversationView.ts'
import { useTalk } from './useTalk.ts'

/** Open threads on an area, for the overview: where the talk is. */
export function ThreadCount({ areaId }: { areaId: string }) {
  const talk = useTalk()
  const open = openThreadsByArea(talk.threads).get(areaId) ?? 0
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
