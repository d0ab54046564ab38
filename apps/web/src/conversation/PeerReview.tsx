import { suggestPeerLevel } from '@co-assess/board-model'
import { useId, useState } from 'react'
import { levelLabel, recordableLevels } from '../board/levelLabels.ts'
import type { FrameworkArea } from '../framework/frameworkTypes.ts'
import { useTalk } from './useTalk.ts'

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
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Agreed level and peer suggestions for {area.id}
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Peer reviewer</th>
              <th scope="col">Agreed level</th>
              <th scope="col">Suggested level</th>
              <th scope="col">Reasoning</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {suggestions.map(([reviewerId, s]) => {
              const differs = agreed && agreed.level !== s.level
              return (
                <tr key={reviewerId} data-testid="peer-row">
                  <td>{talk.view.people.get(reviewerId)?.name ?? 'A reviewer'}</td>
                  <td>{agreed ? levelLabel(agreed.level, levels) : 'Not agreed yet'}</td>
                  <td>
                    {levelLabel(s.level, levels)}{' '}
                    {differs ? (
                      <strong className="nhsuk-tag nhsuk-tag--orange">Differs from agreed</strong>
                    ) : agreed ? (
                      <strong className="nhsuk-tag nhsuk-tag--green">Same as agreed</strong>
                    ) : null}
                  </td>
                  <td>{s.reasoning}</td>
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
