import type { GroupDef, Person } from '@co-assess/board-model'
import { useId, useState } from 'react'

const OTHER = '__other__'

/** The people who can own an action: everyone on the board who takes part or chairs, by name. */
export function ownerPeople(people: Iterable<Person>): string[] {
  const names = new Set<string>()
  for (const p of people)
    if ((p.role === 'chair' || p.role === 'participant') && p.name.trim()) names.add(p.name)
  return [...names].sort((a, b) => a.localeCompare(b))
}

/**
 * Who owns an action: a person or a team on the board, picked from a list so it is spelt the same
 * way each time (and the actions list can be filtered by it), or typed for someone who is not here.
 * The value stored is the name as shown: an owner is a label, not a link to a person's record.
 */
export function OwnerField({
  value,
  onChange,
  people,
  groups,
}: {
  value: string
  onChange: (owner: string) => void
  people: readonly string[]
  groups: readonly GroupDef[]
}) {
  const id = useId()
  const teams = groups.map((g) => g.label)
  const listed = value === '' || people.includes(value) || teams.includes(value)
  const [typing, setTyping] = useState(!listed)
  const choice = typing ? OTHER : value
  return (
    <div className="nhsuk-form-group" data-testid="owner-field">
      <label className="nhsuk-label" htmlFor={`${id}-owner`}>
        Owner
      </label>
      <div className="nhsuk-hint" id={`${id}-owner-hint`}>
        A person or a team on the board, or someone who is not here.
      </div>
      <select
        className="nhsuk-select"
        id={`${id}-owner`}
        aria-describedby={`${id}-owner-hint`}
        value={choice}
        onChange={(e) => {
          const next = e.target.value
          setTyping(next === OTHER)
          onChange(next === OTHER ? '' : next)
        }}
      >
        <option value="">No owner yet</option>
        {people.length ? (
          <optgroup label="People on the board">
            {people.map((name) => (
              <option key={`p-${name}`} value={name}>
                {name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {teams.length ? (
          <optgroup label="Teams and groups">
            {teams.map((label) => (
              <option key={`g-${label}`} value={label}>
                {label}
              </option>
            ))}
          </optgroup>
        ) : null}
        <option value={OTHER}>Someone not on the board (type their name)</option>
      </select>
      {typing ? (
        <div className="nhsuk-u-margin-top-3">
          <label className="nhsuk-label" htmlFor={`${id}-other`}>
            Owner’s name or team
          </label>
          <input
            className="nhsuk-input"
            id={`${id}-other`}
            maxLength={120}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        </div>
      ) : null}
    </div>
  )
}
