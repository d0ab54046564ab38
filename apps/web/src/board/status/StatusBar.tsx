import { activeSession, roleLabels } from '@co-assess/board-model'
import { boardPath } from '../../app/route.ts'
import { AppLink } from '../../components/AppLink.tsx'
import { PersonDot } from '../../components/Icons.tsx'
import { useBoardContext } from '../BoardContext.tsx'
import { describeSync } from '../connection/syncState.ts'
import { shortGroupLabel } from '../groupLabels.ts'
import { useBoardPresence, useBoardSync } from '../liveState.tsx'

const TAG_COLOUR = { saved: 'green', saving: 'blue', offline: 'orange', connecting: 'grey' } as const

/** Always in view: whether work is saved, who is here and where, and following the chair. */
export function StatusBar() {
  const { view, isChair, following, setFollowing, person, assessment, areas, audience } = useBoardContext()
  const sync = useBoardSync()
  const presence = useBoardPresence()
  const state = describeSync(sync)
  const session = activeSession(view)
  const focusArea = view.live.focus?.areaId ?? null
  return (
    <div className="co-status">
      <p className="co-status__item" data-testid="sync-state" data-sync={state.kind}>
        <span className="nhsuk-u-visually-hidden">Sync status: </span>
        <strong className={`nhsuk-tag nhsuk-tag--${TAG_COLOUR[state.kind]}`}>{state.label}</strong>
        {state.kind === 'offline' || state.kind === 'connecting' ? (
          <span className="co-status__detail"> {state.detail}</span>
        ) : null}
      </p>
      <p className="co-status__item">
        <strong className={`nhsuk-tag ${session ? 'nhsuk-tag--purple' : 'nhsuk-tag--white'}`}>
          {session ? 'Session running' : 'No session running'}
        </strong>
      </p>
      {/* A projector shows the room nobody's name or whereabouts. */}
      {audience ? null : (
        <details className="nhsuk-details co-status__people">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              {presence.length === 1 ? '1 person here' : `${presence.length} people here`}
            </span>
          </summary>
          <div className="nhsuk-details__text">
            <ul className="nhsuk-list co-people" data-testid="presence-list">
              {presence.map((p) => (
                <li key={p.personId}>
                  <PersonDot colour={p.colour} />
                  <strong>{p.self ? `${p.name} (you)` : p.name}</strong>, {shortGroupLabel(p.group)}
                  {p.role !== 'participant' ? `, ${roleLabels[p.role].toLowerCase()}` : ''}
                  {' – '}
                  {p.areaId && areas.has(p.areaId) ? (
                    <AppLink href={boardPath(assessment.id, p.areaId)}>looking at {p.areaId}</AppLink>
                  ) : (
                    'on the overview'
                  )}
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
      {!isChair && !audience ? (
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small co-status__item co-follow">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id="follow-chair"
              type="checkbox"
              checked={following}
              aria-describedby="follow-chair-hint"
              onChange={(e) => setFollowing(e.target.checked)}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="follow-chair">
              Following the chair
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id="follow-chair-hint">
              {focusArea
                ? following
                  ? `You go where the chair takes everyone (now ${focusArea}).`
                  : `The chair is on ${focusArea}. Tick to go there and follow again.`
                : 'When the chair brings everyone to an area, you go there too.'}
            </div>
          </div>
        </div>
      ) : null}
      {audience ? null : (
        <p className="co-status__item co-status__me">
          You are <strong>{person.name}</strong>, {roleLabels[person.role].toLowerCase()}
        </p>
      )}
    </div>
  )
}
