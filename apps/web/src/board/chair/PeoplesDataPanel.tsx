import { groupLabel, plainDate, readGroups } from '@co-assess/board-model'
import { type FormEvent, useState } from 'react'
import {
  deleteAssessment,
  type EqualitySummary,
  eraseName,
  getEqualitySummary,
  setGroups,
  setRetention,
} from '../../api/peoplesDataEndpoints.ts'
import { navigate } from '../../app/navigation.ts'
import { useBoardContext } from '../BoardContext.tsx'
import { RecordedMark } from '../paper/RecordedMark.tsx'

/**
 * The chair's people's-data controls: the assessment's stakeholder groups, removing a person's
 * name on request, how long the assessment is kept, deleting it, and the equality totals.
 */
export function PeoplesDataPanel() {
  const { assessment, keeper, view, connection } = useBoardContext()
  const groups = readGroups(connection.doc)
  const [newGroup, setNewGroup] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [confirmTitle, setConfirmTitle] = useState('')
  const [days, setDays] = useState('')
  const [summary, setSummary] = useState<EqualitySummary | null>(null)

  const run = async (work: () => Promise<string>) => {
    setProblem(null)
    setMessage(null)
    try {
      setMessage(await work())
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'That did not work. Try again.')
    }
  }
  const addGroup = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      await setGroups(assessment.id, await keeper.token(), [...groups, { label: newGroup }])
      setNewGroup('')
      return `Added the group “${newGroup.trim()}”.`
    })
  }
  const people = [...view.people.values()].filter((p) => p.erasedAt === undefined)

  return (
    <div className="co-console__group co-peoples-data">
      <h3 className="nhsuk-heading-s">People’s data</h3>
      {problem ? (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      {message ? <p role="status">{message}</p> : null}

      <h4 className="nhsuk-heading-xs">Stakeholder groups</h4>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {groups.map((g) => (
          <li key={g.id}>{g.label}</li>
        ))}
      </ul>
      <form onSubmit={addGroup} noValidate>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="new-group">
            Add a group, for example Healthwatch, carers or a Place team
          </label>
          <input
            className="nhsuk-input nhsuk-input--width-20"
            id="new-group"
            value={newGroup}
            onChange={(e) => setNewGroup(e.target.value)}
          />
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Add group
        </button>
      </form>

      <h4 className="nhsuk-heading-xs">Remove a name on request</h4>
      <p className="nhsuk-body-s">
        Their ticks and comments stay, shown as “a participant from” their group.
      </p>
      <ul className="nhsuk-list">
        {people.map((p) => (
          <li key={p.id}>
            {p.name} ({groupLabel(groups, p.group)}
            <RecordedMark personId={p.id} prefix=", " />){' '}
            <button
              type="button"
              className="co-link-button"
              onClick={() => {
                if (!window.confirm(`Remove ${p.name}’s name from this assessment? This cannot be undone.`))
                  return
                void run(async () => {
                  await eraseName(assessment.id, await keeper.token(), p.id)
                  return `Removed ${p.name}’s name.`
                })
              }}
            >
              Remove name<span className="nhsuk-u-visually-hidden"> of {p.name}</span>
            </button>
          </li>
        ))}
      </ul>

      <h4 className="nhsuk-heading-xs">Who was in the room</h4>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={() =>
          void run(async () => {
            setSummary(await getEqualitySummary(assessment.id, await keeper.token()))
            return 'Equality totals loaded.'
          })
        }
      >
        Show equality totals
      </button>
      {summary ? (
        <div>
          <p>People who answered: {summary.respondents}</p>
          {summary.questions.length === 0 ? (
            <p>Totals show once {summary.threshold} or more people have answered.</p>
          ) : (
            summary.questions.map((q) => (
              <table className="nhsuk-table" key={q.id}>
                <caption className="nhsuk-table__caption nhsuk-u-font-size-16">{q.question}</caption>
                <tbody className="nhsuk-table__body">
                  {q.counts.map((c) => (
                    <tr className="nhsuk-table__row" key={c.id}>
                      <th scope="row" className="nhsuk-table__cell">
                        {c.label}
                      </th>
                      <td className="nhsuk-table__cell">{c.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))
          )}
        </div>
      ) : null}

      <h4 className="nhsuk-heading-xs">How long it is kept</h4>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void run(async () => {
            const value = days.trim() === '' ? null : Number(days)
            const result = await setRetention(assessment.id, await keeper.token(), value)
            return result.deleteAt
              ? `It will be deleted on ${plainDate(result.deleteAt)}.`
              : 'It is kept until you delete it.'
          })
        }}
      >
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="retention-days">
            Days to keep it after it was made (leave empty to keep it until you delete it)
          </label>
          <input
            className="nhsuk-input nhsuk-input--width-5"
            id="retention-days"
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Save how long it is kept
        </button>
      </form>

      <h4 className="nhsuk-heading-xs">Delete this assessment</h4>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void run(async () => {
            await deleteAssessment(assessment.id, await keeper.token(), confirmTitle)
            navigate('/', { replace: true })
            return 'Deleted.'
          })
        }}
      >
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="confirm-title">
            To delete everything of this assessment for good, type its title: {assessment.title}
          </label>
          <input
            className="nhsuk-input"
            id="confirm-title"
            value={confirmTitle}
            onChange={(e) => setConfirmTitle(e.target.value)}
          />
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--warning">
          Delete this assessment
        </button>
      </form>
    </div>
  )
}
