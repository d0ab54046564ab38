import { type Action, type ActionStatus, stakeholderGroupLabels, updateAction } from '@co-assess/board-model'
import { useId, useState } from 'react'
import { isOverdue, statusLabels, todayIso } from './conversationView.ts'
import { useTalk } from './useTalk.ts'

/** One "you said, we did" action; a chair agrees it and records progress and how people were told. */
export function ActionCard({ action }: { action: Action }) {
  const talk = useTalk()
  const id = useId()
  const [editing, setEditing] = useState(false)
  const overdue = isOverdue(action, todayIso())
  const session = action.agreedInSession
    ? talk.view.sessions.findIndex((s) => s.id === action.agreedInSession)
    : -1
  const raisedBy = action.raisedBy.map((g) => stakeholderGroupLabels[g]).join(', ')
  return (
    <li
      className={`nhsuk-card co-action${overdue ? ' co-action--overdue' : ''}`}
      data-testid="action"
      data-action-id={action.id}
    >
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={`${id}-title`}>
          You said: {action.youSaid || '(not written yet)'}
        </h3>
        <p>
          <strong className="nhsuk-tag nhsuk-tag--blue" data-testid="action-status">
            {statusLabels[action.status]}
          </strong>{' '}
          {overdue ? <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong> : null}{' '}
          {action.carriedFrom ? (
            <strong className="nhsuk-tag nhsuk-tag--grey">Carried from an earlier assessment</strong>
          ) : null}
        </p>
        <dl className="nhsuk-summary-list co-action__facts">
          {(
            [
              ['Raised by', raisedBy || 'Not recorded'],
              ['We did', action.weDid || 'Not decided yet'],
              ['What changed', action.whatChanged || 'Not recorded yet'],
              ['Owner', action.owner || 'No owner yet'],
              ['Due', action.dueDate ? `${action.dueDate}${overdue ? ' (overdue)' : ''}` : 'No date'],
              ['Areas', action.areaIds.join(', ') || 'None'],
              [
                'Agreed',
                action.status === 'proposed'
                  ? 'Not agreed yet'
                  : action.agreedInSession
                    ? `In session ${session >= 0 ? session + 1 : ''}`.trim()
                    : 'Outside a session',
              ],
              ...(action.status === 'dropped'
                ? [['Why dropped', action.droppedReason || 'No reason given']]
                : []),
              [
                'People told',
                action.feedback.toldAt
                  ? `${action.feedback.toldAt}: ${action.feedback.how}`
                  : 'Not yet told what happened',
              ],
            ] as Array<[string, string]>
          ).map(([k, v]) => (
            <div className="nhsuk-summary-list__row" key={k}>
              <dt className="nhsuk-summary-list__key">{k}</dt>
              <dd className="nhsuk-summary-list__value">{v}</dd>
            </div>
          ))}
        </dl>
        {talk.isChair ? (
          <div className="nhsuk-button-group">
            {action.status === 'proposed' ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--small nhsuk-u-margin-bottom-0"
                onClick={() =>
                  updateAction(talk.doc, talk.person.id, action.id, {
                    status: 'agreed',
                    agreedInSession: talk.activeSessionId(),
                  })
                }
              >
                Agree this action
              </button>
            ) : null}
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
              onClick={() => setEditing(!editing)}
            >
              {editing ? 'Close' : 'Update'}
              <span className="nhsuk-u-visually-hidden"> this action</span>
            </button>
          </div>
        ) : null}
        {editing ? <ActionEditor action={action} onDone={() => setEditing(false)} /> : null}
      </div>
    </li>
  )
}

function ActionEditor({ action, onDone }: { action: Action; onDone: () => void }) {
  const talk = useTalk()
  const id = useId()
  const [draft, setDraft] = useState({
    youSaid: action.youSaid,
    weDid: action.weDid,
    whatChanged: action.whatChanged,
    owner: action.owner,
    dueDate: action.dueDate ?? '',
    status: action.status,
    droppedReason: action.droppedReason,
    toldAt: action.feedback.toldAt ?? '',
    how: action.feedback.how,
  })
  const field = (key: keyof typeof draft, label: string, kind: 'text' | 'area' | 'date' = 'text') => (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      {kind === 'area' ? (
        <textarea
          className="nhsuk-textarea"
          rows={2}
          id={`${id}-${key}`}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      ) : (
        <input
          className="nhsuk-input"
          type={kind}
          id={`${id}-${key}`}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      )}
    </div>
  )
  return (
    <form
      className="co-action__editor"
      onSubmit={(e) => {
        e.preventDefault()
        updateAction(talk.doc, talk.person.id, action.id, {
          youSaid: draft.youSaid.slice(0, 5000),
          weDid: draft.weDid.slice(0, 5000),
          whatChanged: draft.whatChanged.slice(0, 5000),
          owner: draft.owner.slice(0, 120),
          dueDate: /^\d{4}-\d{2}-\d{2}$/.test(draft.dueDate) ? draft.dueDate : null,
          status: draft.status,
          droppedReason: draft.droppedReason.slice(0, 2000),
          feedback: { toldAt: draft.toldAt || null, how: draft.how.slice(0, 2000) },
          ...(action.status === 'proposed' && draft.status !== 'proposed' && !action.agreedInSession
            ? { agreedInSession: talk.activeSessionId() }
            : {}),
        })
        onDone()
      }}
    >
      {field('youSaid', 'You said')}
      {field('weDid', 'We did', 'area')}
      {field('whatChanged', 'What changed', 'area')}
      {field('owner', 'Owner')}
      {field('dueDate', 'Due date', 'date')}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-status`}>
          Status
        </label>
        <select
          className="nhsuk-select"
          id={`${id}-status`}
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value as ActionStatus })}
        >
          {Object.entries(statusLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {draft.status === 'dropped' ? field('droppedReason', 'Why we will not do this', 'area') : null}
      {field('toldAt', 'Date the people who raised it were told', 'date')}
      {field('how', 'How they were told (and, if dropped, why)')}
      <button type="submit" className="nhsuk-button nhsuk-button--secondary">
        Save action
      </button>
    </form>
  )
}
