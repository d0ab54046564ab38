import {
  type Action,
  type ActionPlan,
  type ActionStatus,
  agreementOf,
  describeHistoryEntry,
  EMPTY_PLAN,
  NEVER_AGREED,
  plainDate,
  readGroups,
  type StakeholderGroup,
  stakeholderGroupLabels,
  updateAction,
} from '@co-assess/board-model'
import { useEffect, useId, useRef, useState } from 'react'
import { levelLabel } from '../board/levelLabels.ts'
import { ActionPlanFields, planFacts, planIsEmpty } from './ActionPlanFields.tsx'
import { ActionScopeFields } from './ActionScopeFields.tsx'
import { takeActionFocus } from './actionFocus.ts'
import { actionEditing, isOverdue, statusLabels, todayIso } from './conversationView.ts'
import { OwnerField, ownerPeople } from './OwnerField.tsx'
import { useTalk } from './useTalk.ts'

/** One "you said, we did" action; a chair agrees it and records progress and how people were told. */
export function ActionCard({ action }: { action: Action }) {
  const talk = useTalk()
  const id = useId()
  const [editing, setEditing] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // A comment just made into this action (CommentTools.tsx) hands keyboard focus to its card.
  useEffect(() => {
    if (takeActionFocus(action.id)) headingRef.current?.focus()
  }, [action.id])
  // Worked out on each render: once a chair agrees a proposal, its proposer's form closes.
  const mayEdit = actionEditing(action, talk.person)
  const overdue = isOverdue(action, todayIso())
  const agreement = agreementOf(action)
  const session =
    agreement.kind === 'session' ? talk.view.sessions.findIndex((s) => s.id === agreement.sessionId) : -1
  const raisedBy = action.raisedBy.map((g) => stakeholderGroupLabels[g]).join(', ')
  return (
    <li
      className={`nhsuk-card co-action${overdue ? ' co-action--overdue' : ''}`}
      data-testid="action"
      data-action-id={action.id}
    >
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={`${id}-title`} tabIndex={-1} ref={headingRef}>
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
              [
                'Due',
                action.dueDate ? `${plainDate(action.dueDate)}${overdue ? ' (overdue)' : ''}` : 'No date',
              ],
              ['Areas', action.areaIds.join(', ') || 'None'],
              ...planFacts(action.plan, (level) => levelLabel(level, talk.framework.levels)),
              ['Agreed', agreedWords(agreement, session)],
              ...(action.status === 'dropped'
                ? [['Why dropped', action.droppedReason || 'No reason given']]
                : []),
              [
                'People told',
                action.feedback.toldAt
                  ? `${plainDate(action.feedback.toldAt)}: ${action.feedback.how}`
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
        {action.history?.length ? (
          <div className="co-action__history">
            <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">Before this assessment</h4>
            <ol className="nhsuk-list nhsuk-list--bullet" data-testid="action-history">
              {action.history.map((entry) => (
                <li key={`${entry.assessmentId}/${entry.actionId}`}>{describeHistoryEntry(entry)}</li>
              ))}
            </ol>
          </div>
        ) : null}
        {mayEdit ? (
          <div className="nhsuk-button-group">
            {talk.isChair && action.status === 'proposed' ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--small nhsuk-u-margin-bottom-0"
                onClick={() =>
                  updateAction(talk.doc, talk.person.id, action.id, {
                    status: 'agreed',
                    agreedInSession: talk.activeSessionId(),
                    agreedAt: Date.now(),
                  })
                }
              >
                Agree this action
              </button>
            ) : null}
            {talk.isChair && (action.status === 'agreed' || action.status === 'in-progress') ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                onClick={() => updateAction(talk.doc, talk.person.id, action.id, { status: 'done' })}
              >
                Close the action (mark it done)
              </button>
            ) : null}
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
              aria-expanded={editing}
              onClick={() => setEditing(!editing)}
            >
              {editing ? 'Stop editing' : 'Update'}
              <span className="nhsuk-u-visually-hidden"> this action</span>
              {editing ? ' (changes not saved)' : ''}
            </button>
          </div>
        ) : null}
        {editing && mayEdit ? (
          <ActionEditor action={action} editing={mayEdit} onDone={() => setEditing(false)} />
        ) : null}
      </div>
    </li>
  )
}

function ActionEditor({
  action,
  editing,
  onDone,
}: {
  action: Action
  editing: 'all' | 'proposal'
  onDone: () => void
}) {
  const talk = useTalk()
  const id = useId()
  const reasonRef = useRef<HTMLTextAreaElement>(null)
  const toldRef = useRef<HTMLInputElement>(null)
  const [reasonError, setReasonError] = useState('')
  const [toldError, setToldError] = useState('')
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
  const [raisedBy, setRaisedBy] = useState<StakeholderGroup[]>(action.raisedBy)
  const [areaIds, setAreaIds] = useState<string[]>(action.areaIds)
  const [plan, setPlan] = useState<ActionPlan>(action.plan ?? EMPTY_PLAN)
  const chair = editing === 'all'
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
  const common = {
    youSaid: draft.youSaid.slice(0, 5000),
    raisedBy,
    areaIds,
    weDid: draft.weDid.slice(0, 5000),
    owner: draft.owner.slice(0, 120),
    dueDate: /^\d{4}-\d{2}-\d{2}$/.test(draft.dueDate) ? draft.dueDate : null,
    // An action nobody planned keeps no plan at all, so it still reads "no plan recorded" everywhere.
    ...(planIsEmpty(plan) && !action.plan
      ? {}
      : { plan: { ...plan, measure: plan.measure.trim(), baseline: plan.baseline.trim() } }),
  }
  return (
    <form
      className="co-action__editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        // Each error names its own question, and focus goes to the first one wrong.
        const noReason = chair && draft.status === 'dropped' && !draft.droppedReason.trim()
        const noDate = chair && draft.how.trim() !== '' && !draft.toldAt
        setReasonError(noReason ? 'Write why this action will not be done' : '')
        setToldError(noDate ? 'Enter the date the people who raised it were told' : '')
        if (noReason) return reasonRef.current?.focus()
        if (noDate) return toldRef.current?.focus()
        updateAction(
          talk.doc,
          talk.person.id,
          action.id,
          chair
            ? {
                ...common,
                whatChanged: draft.whatChanged.slice(0, 5000),
                status: draft.status,
                droppedReason: draft.droppedReason.trim().slice(0, 2000),
                feedback: { toldAt: draft.toldAt || null, how: draft.how.slice(0, 2000) },
                // Agreeing records when and in which session; dropping a proposal agrees nothing.
                ...(action.status === 'proposed' && draft.status !== 'proposed' && draft.status !== 'dropped'
                  ? {
                      agreedInSession: action.agreedInSession ?? talk.activeSessionId(),
                      agreedAt: Date.now(),
                    }
                  : {}),
                ...(action.status === 'proposed' && draft.status === 'dropped' ? { agreedAt: null } : {}),
              }
            : common,
        )
        onDone()
      }}
    >
      {field('youSaid', 'You said')}
      <ActionScopeFields
        areas={talk.areas}
        raisedBy={raisedBy}
        onRaisedByChange={setRaisedBy}
        areaIds={areaIds}
        onAreaIdsChange={setAreaIds}
      />
      {field('weDid', 'We did', 'area')}
      {chair ? field('whatChanged', 'What changed', 'area') : null}
      <OwnerField
        value={draft.owner}
        onChange={(owner) => setDraft({ ...draft, owner })}
        people={ownerPeople(talk.view.people.values())}
        groups={readGroups(talk.doc)}
      />
      {field('dueDate', 'Due date', 'date')}
      <ActionPlanFields
        plan={plan}
        onChange={setPlan}
        areas={talk.areas}
        areaIds={areaIds}
        levels={talk.framework.levels}
      />
      {chair ? (
        <>
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
          {draft.status === 'dropped' ? (
            <div className={`nhsuk-form-group${reasonError ? ' nhsuk-form-group--error' : ''}`}>
              <label className="nhsuk-label" htmlFor={`${id}-droppedReason`}>
                Why we will not do this
              </label>
              <div className="nhsuk-hint" id={`${id}-droppedReason-hint`}>
                The people who raised it will be told this reason.
              </div>
              {reasonError ? (
                <span className="nhsuk-error-message" id={`${id}-droppedReason-error`}>
                  <span className="nhsuk-u-visually-hidden">Error:</span> {reasonError}
                </span>
              ) : null}
              <textarea
                ref={reasonRef}
                className={`nhsuk-textarea${reasonError ? ' nhsuk-textarea--error' : ''}`}
                rows={2}
                id={`${id}-droppedReason`}
                aria-describedby={`${id}-droppedReason-hint${reasonError ? ` ${id}-droppedReason-error` : ''}`}
                aria-invalid={reasonError ? true : undefined}
                value={draft.droppedReason}
                onChange={(e) => setDraft({ ...draft, droppedReason: e.target.value })}
              />
            </div>
          ) : null}
          <div className={`nhsuk-form-group${toldError ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={`${id}-toldAt`}>
              Date the people who raised it were told
            </label>
            {toldError ? (
              <span className="nhsuk-error-message" id={`${id}-toldAt-error`}>
                <span className="nhsuk-u-visually-hidden">Error:</span> {toldError}
              </span>
            ) : null}
            <input
              ref={toldRef}
              className={`nhsuk-input nhsuk-input--width-10${toldError ? ' nhsuk-input--error' : ''}`}
              type="date"
              id={`${id}-toldAt`}
              aria-describedby={toldError ? `${id}-toldAt-error` : undefined}
              aria-invalid={toldError ? true : undefined}
              value={draft.toldAt}
              onChange={(e) => setDraft({ ...draft, toldAt: e.target.value })}
            />
          </div>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`${id}-how`}>
              How they were told
            </label>
            <div className="nhsuk-hint" id={`${id}-how-hint`}>
              For example “at the June carers’ forum” or “by letter”.
              {draft.status === 'dropped' ? ' The reason above is what they are told.' : ''}
            </div>
            <input
              className="nhsuk-input"
              id={`${id}-how`}
              aria-describedby={`${id}-how-hint`}
              value={draft.how}
              onChange={(e) => setDraft({ ...draft, how: e.target.value })}
            />
          </div>
        </>
      ) : null}
      <button type="submit" className="nhsuk-button nhsuk-button--secondary">
        {chair ? 'Save action' : 'Save your proposal'}
      </button>
    </form>
  )
}

/** Whether and when an action was agreed, in the card's words (reports say the same, buildReportModel.ts). */
function agreedWords(agreement: ReturnType<typeof agreementOf>, sessionIndex: number): string {
  switch (agreement.kind) {
    case 'not-yet':
      return 'Not agreed yet'
    case 'never':
      return NEVER_AGREED
    case 'before':
      return agreement.words
    case 'outside':
      return 'Outside a session'
    case 'session':
      return sessionIndex >= 0 ? `In session ${sessionIndex + 1}` : 'In a session not on this board'
  }
}
