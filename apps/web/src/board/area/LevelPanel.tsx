import { type AreaTally, suggestLevel } from '@co-assess/board-model'
import type { FrameworkArea } from '../../framework/frameworkTypes.ts'
import { useBoardContext } from '../BoardContext.tsx'
import { levelLabel } from '../levelLabels.ts'

const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

/** Where the area stands: the level the ticks suggest, and the level the chair recorded. */
export function LevelPanel({
  area,
  tally,
  blind,
}: {
  area: FrameworkArea
  tally: AreaTally
  blind: boolean
}) {
  const { framework, view } = useBoardContext()
  const suggestion = view.suggestions.get(area.id) ?? suggestLevel(area, tally, framework.levels)
  const agreed = view.agreed.get(area.id)
  const recorder = agreed ? view.people.get(agreed.recordedBy)?.name : undefined
  return (
    <section aria-labelledby="level-title" className="co-level-panel" data-testid="level-panel">
      <h2 className="nhsuk-heading-m" id="level-title">
        Level
      </h2>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Agreed level</dt>
          <dd className="nhsuk-summary-list__value" data-testid="agreed-level">
            {agreed ? <strong>{levelLabel(agreed.level, framework.levels)}</strong> : 'Not recorded yet'}
          </dd>
        </div>
        {agreed ? (
          <>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Rationale</dt>
              <dd className="nhsuk-summary-list__value co-prewrap">
                {agreed.rationale || 'No reason was recorded'}
              </dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Dissent</dt>
              <dd className="nhsuk-summary-list__value co-prewrap">{agreed.dissent || 'None recorded'}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Recorded</dt>
              <dd className="nhsuk-summary-list__value">
                {time.format(agreed.at)}
                {recorder ? ` by ${recorder}` : ''}
              </dd>
            </div>
          </>
        ) : null}
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Suggested by the ticks</dt>
          <dd className="nhsuk-summary-list__value" data-testid="suggested-level">
            {blind ? (
              'Hidden until the chair reveals the blind round'
            ) : (
              <>
                <strong>{suggestion.label}</strong>
                <p className="co-explain">{suggestion.explanation}</p>
                {suggestion.level ? (
                  <ul className="nhsuk-list co-progress">
                    {suggestion.progress.map((p) => (
                      <li key={p.level}>
                        {p.label}: {p.inPlace} of {p.total} items in place
                        {p.reached ? ' (reached)' : ` (${p.needed} needed)`}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            )}
          </dd>
        </div>
      </dl>
      <p className="nhsuk-hint">
        The suggestion is a starting point for discussion; the level the chair records with the group is the
        one that counts. {levelLabel('not-yet', framework.levels)} and Not assessed are levels too.
      </p>
    </section>
  )
}
