import { type ActionStatus, proposeAction, readGroups, type StakeholderGroup } from '@co-assess/board-model'
import { useId, useState } from 'react'
import { ActionCard } from './ActionCard.tsx'
import { ActionScopeFields } from './ActionScopeFields.tsx'
import { type ActionFilter, awaitingFeedback, filterActions, statusLabels } from './conversationView.ts'
import { OwnerField, ownerPeople } from './OwnerField.tsx'
import { useTalk } from './useTalk.ts'

/** The assessment's "you said, we did" actions: what nobody has been told about first, then the list. */
export function ActionList() {
  const talk = useTalk()
  const id = useId()
  const [filter, setFilter] = useState<ActionFilter>({ status: 'all', owner: 'all', areaId: 'all' })
  const shown = filterActions(talk.actions, filter)
  const untold = talk.actions.filter(awaitingFeedback)
  const owners = [...new Set(talk.actions.map((a) => a.owner).filter(Boolean))].sort()
  const select = (label: string, key: keyof ActionFilter, options: Array<[string, string]>) => (
    <div className="nhsuk-form-group co-filter">
      <label className="nhsuk-label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <select
        className="nhsuk-select"
        id={`${id}-${key}`}
        value={filter[key]}
        onChange={(e) => setFilter({ ...filter, [key]: e.target.value })}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <section className="co-actions" aria-labelledby="actions-title" data-testid="action-list">
      <h2 id="actions-title">You said, we did: actions</h2>
      {untold.length > 0 ? (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span>
              <span className="nhsuk-u-visually-hidden">Important: </span>
              {untold.length === 1
                ? '1 outcome not yet fed back'
                : `${untold.length} outcomes not yet fed back`}
            </span>
          </h3>
          <p>The people who raised these have not been told what happened:</p>
          <ul>
            {untold.map((a) => (
              <li key={a.id}>{a.youSaid}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="co-filters">
        {select('Status', 'status', [
          ['all', 'Any status'],
          ...(Object.entries(statusLabels) as Array<[ActionStatus, string]>),
        ])}
        {select('Owner', 'owner', [['all', 'Any owner'], ...owners.map((o): [string, string] => [o, o])])}
        {select('Area', 'areaId', [
          ['all', 'All areas'],
          ...[...talk.areas.keys()].map((a): [string, string] => [a, a]),
        ])}
      </div>
      <p className="nhsuk-body-s" aria-live="polite">
        {shown.length === 1 ? '1 action' : `${shown.length} actions`} shown.
      </p>
      <ul className="nhsuk-list co-action-list">
        {shown.map((a) => (
          <ActionCard key={a.id} action={a} />
        ))}
      </ul>
      {talk.canWrite ? <ProposeAction /> : null}
    </section>
  )
}

function ProposeAction() {
  const talk = useTalk()
  const id = useId()
  const [youSaid, setYouSaid] = useState('')
  const [raisedBy, setRaisedBy] = useState<StakeholderGroup[]>([])
  const [areaIds, setAreaIds] = useState<string[]>([])
  const [owner, setOwner] = useState('')
  // A new key after each proposal starts the owner picker afresh (it remembers "someone not here").
  const [made, setMade] = useState(0)
  const [error, setError] = useState('')
  return (
    <form
      className="co-propose"
      onSubmit={(e) => {
        e.preventDefault()
        if (!youSaid.trim()) return setError('Write what people said')
        setError('')
        proposeAction(talk.doc, talk.person.id, {
          youSaid: youSaid.trim().slice(0, 5000),
          raisedBy,
          weDid: '',
          owner: owner.trim().slice(0, 120),
          dueDate: null,
          areaIds,
        })
        setYouSaid('')
        setRaisedBy([])
        setAreaIds([])
        setOwner('')
        setMade(made + 1)
      }}
    >
      <h3 className="nhsuk-heading-s">Propose an action</h3>
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={`${id}-said`}>
          You said: what people raised
        </label>
        {error ? (
          <span className="nhsuk-error-message" role="alert">
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        ) : null}
        <textarea
          className="nhsuk-textarea"
          rows={2}
          id={`${id}-said`}
          value={youSaid}
          onChange={(e) => setYouSaid(e.target.value)}
        />
      </div>
      <ActionScopeFields
        areas={talk.areas}
        raisedBy={raisedBy}
        onRaisedByChange={setRaisedBy}
        areaIds={areaIds}
        onAreaIdsChange={setAreaIds}
      />
      <OwnerField
        key={made}
        value={owner}
        onChange={setOwner}
        people={ownerPeople(talk.view.people.values())}
        groups={readGroups(talk.doc)}
      />
      <button type="submit" className="nhsuk-button nhsuk-button--secondary">
        Propose action
      </button>
    </form>
  )
}
