// biome-ignore-all lint/a11y/noRedundantRoles: NHS.UK's responsive table sets display: block on a narrow screen, which drops a table's roles in some browsers; its markup keeps them explicit for that
import { suggestPeerLevel } from '@co-assess/board-model'
import { useId, useState } from 'react'
import { levelLabel, recordableLevels } from '../board/levelLabels.ts'
import type { FrameworkArea } from '../framework/frameworkTypes.ts'
import { useTalk } from './useTalk.ts'

const PEER_COLUMNS = ['Peer reviewer', 'Agreed level', 'Suggested level', 'Reasoning'] as const

/** The agreed level beside each peer reviewer's suggestion, saying in words where they differ. */
export function PeerReview({ area }: { area: FrameworkArea }) {
  const talk = useTalk()
  const id = useId()
  const levels = talk.framework.levels
  const agreed = talk.view.agreed.get(area.id)
  const suggestions = [...(talk.peer.get(area.id) ?? new Map()).entries()]
  const mine = talk.peer.get(area.id)?.get(talk.person.id)
  const [level, setLevel] = useState(mine?.level ?? '')
  const [reasoning, setReasoning] = useState(mine?.reasoning ?? '')
  const [error, setError] = useState('')
  if (suggestions.length === 0 && !talk.isReviewer) return null
  return (
    <section className="co-peer" aria-labelledby={`${id}-title`} data-testid="peer-review">
      <h2 id={`${id}-title`}>Peer review</h2>
      {suggestions.length > 0 ? (
        // NHS.UK's responsive table: at 320 pixels (400% zoom) or on a phone each suggestion becomes a
        // block with its headings beside the values, rather than a table that scrolls sideways.
        <table role="table" className="nhsuk-table-responsive co-peer__table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Agreed level and peer suggestions for {area.id}
          </caption>
          <thead role="rowgroup" className="nhsuk-table__head">
            <tr role="row">
              {PEER_COLUMNS.map((heading) => (
                <th role="columnheader" scope="col" key={heading}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {suggestions.map(([reviewerId, s]) => {
              const differs = agreed && agreed.level !== s.level
              const cells = [
                talk.view.people.get(reviewerId)?.name ?? 'A reviewer',
                agreed ? levelLabel(agreed.level, levels) : 'Not agreed yet',
                <>
                  {levelLabel(s.level, levels)}{' '}
                  {differs ? (
                    <strong className="nhsuk-tag nhsuk-tag--orange">Differs from agreed</strong>
                  ) : agreed ? (
                    <strong className="nhsuk-tag nhsuk-tag--green">Same as agreed</strong>
                  ) : null}
                </>,
                s.reasoning,
              ]
              return (
                <tr role="row" className="nhsuk-table__row" key={reviewerId} data-testid="peer-row">
                  {cells.map((cell, i) => (
                    <td role="cell" className="nhsuk-table__cell" key={PEER_COLUMNS[i]}>
                      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                        {PEER_COLUMNS[i]}{' '}
                      </span>
                      {cell}
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : (
        <p>No level suggested by a peer reviewer yet.</p>
      )}
      {talk.isReviewer && !talk.reviewClosed ? (
        <form
          className="co-peer__form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!level) return setError('Choose the level you suggest')
            setError('')
            suggestPeerLevel(talk.doc, talk.person.id, area.id, {
              level,
              reasoning: reasoning.slice(0, 5000),
            })
          }}
        >
          <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={`${id}-level`}>
              The level you suggest for {area.id}
            </label>
            {error ? (
              <span className="nhsuk-error-message" role="alert">
                <span className="nhsuk-u-visually-hidden">Error:</span> {error}
              </span>
            ) : null}
            <select
              className="nhsuk-select"
              id={`${id}-level`}
              value={level}
              onChange={(e) => setLevel(e.target.value)}
            >
              <option value="">Choose a level</option>
              {recordableLevels(levels).map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`${id}-reasoning`}>
              Your reasoning
            </label>
            <textarea
              className="nhsuk-textarea"
              id={`${id}-reasoning`}
              rows={3}
              value={reasoning}
              onChange={(e) => setReasoning(e.target.value)}
            />
          </div>
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            {mine ? 'Update your suggestion' : 'Suggest this level'}
          </button>
        </form>
      ) : null}
    </section>
  )
}
