import { useAnnounce } from '../Announcer.tsx'
import { useBoardContext } from '../BoardContext.tsx'

/**
 * The chair's start and end buttons for an anonymous round, with what it does in plain English. Ending
 * it never puts anyone's ticks on the board: the server keeps only the counts.
 */
export function AnonymousRoundControls({ areaId }: { areaId: string }) {
  const { view, actions } = useBoardContext()
  const announce = useAnnounce()
  const mode = view.live.rounds.get(areaId)?.mode
  const running = mode === 'anonymous'
  return (
    <div className="co-console__group" data-testid="anonymous-controls">
      <h3 className="nhsuk-heading-s">Anonymous round</h3>
      <p>
        {running
          ? 'Everyone sees how many in each group ticked, but not who. End the round when everyone has ticked; the counts stay as this area’s record.'
          : mode === 'anonymous-ended'
            ? 'The anonymous round on this area has ended; its counts are the area’s record. You can start it again, and people’s earlier ticks count again.'
            : 'For a room where people may not speak freely: everyone ticks, and the room sees only how many in each group ticked. Nobody, not even you, sees who ticked, now or in any report.'}
      </p>
      <div className="co-button-row">
        {running ? (
          <button
            type="button"
            className="nhsuk-button"
            onClick={() => {
              actions.endAnonymousRound(areaId)
              announce([{ kind: 'message', text: `Anonymous round ended on ${areaId}.` }])
            }}
          >
            End the anonymous round on {areaId}
          </button>
        ) : (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => {
              actions.startAnonymousRound(areaId)
              announce([{ kind: 'message', text: `Anonymous round started on ${areaId}.` }])
            }}
          >
            Start an anonymous round on {areaId}
          </button>
        )}
      </div>
    </div>
  )
}
