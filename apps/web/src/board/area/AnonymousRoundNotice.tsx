import { areaIsAnonymous } from '@co-assess/board-model'
import { useBoardContext } from '../BoardContext.tsx'

/**
 * Tells everyone on the area that it has an anonymous round, and what that means for them: the room
 * sees counts by group, never who ticked. The words are the promise the server keeps (no browser
 * receives anyone else's ticks for the area), so they must not promise more than that.
 */
export function AnonymousRoundNotice({ areaId }: { areaId: string }) {
  const { view } = useBoardContext()
  if (!areaIsAnonymous(view.live, areaId)) return null
  const running = view.live.rounds.get(areaId)?.mode === 'anonymous'
  return (
    <div className="nhsuk-card nhsuk-card--feature co-anonymous" data-testid="anonymous-notice">
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h2 className="nhsuk-card__heading nhsuk-card__heading--feature">
          {running ? 'Anonymous round' : 'Anonymous round ended'}
        </h2>
        {running ? (
          <p className="nhsuk-card__description">
            Anonymous round: the room sees how many in each group ticked, not who. Tick or untick as you
            think; your own ticks are shown only to you, on this device.
          </p>
        ) : (
          <p className="nhsuk-card__description">
            The chair has ended the anonymous round. The counts by group are this area’s record. Nobody’s
            ticks are shown, and ticks can no longer be changed here.
          </p>
        )}
      </div>
    </div>
  )
}
