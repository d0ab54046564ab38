import { boardPath } from '../../app/route.ts'
import { AppLink } from '../../components/AppLink.tsx'
import { useBoardContext } from '../BoardContext.tsx'
import { FeelHeardPrompt } from '../feedback/FeelHeardPrompt.tsx'
import { useBoardSync } from '../liveState.tsx'

/** Messages that matter wherever the person is: a refused change, and where the chair has taken everyone. */
export function BoardNotices({ areaId }: { areaId: string | null }) {
  const { connection, view, isChair, following, assessment, areas } = useBoardContext()
  const sync = useBoardSync()
  const focusArea = view.live.focus?.areaId ?? null
  const focusPlace = focusArea ? areas.get(focusArea) : undefined
  return (
    <>
      {sync.refusal ? (
        <div className="nhsuk-card nhsuk-card--warning" data-testid="refusal">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading">A change was not saved</h2>
            <p className="nhsuk-card__description">{sync.refusal}</p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              onClick={() => connection.dismissRefusal()}
            >
              Close this message
            </button>
          </div>
        </div>
      ) : null}
      {!isChair && focusPlace && focusArea !== areaId && !following ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            The chair has brought everyone to{' '}
            <AppLink href={boardPath(assessment.id, focusPlace.area.id)}>
              {focusPlace.area.id} {focusPlace.area.title}
            </AppLink>
            . You have stepped away; tick "Following the chair" at the top to follow again.
          </p>
        </div>
      ) : null}
      <FeelHeardPrompt />
    </>
  )
}
