import { useState } from 'react'
import { inviteStaff, type StaffRole } from './staffApi.ts'
import { ROLE_LABELS } from './staffProblems.ts'

/** An administrator makes a one-use staff link for a role, to send to a colleague. */
export function StaffInvite({ organisationId }: { organisationId: string }) {
  const [role, setRole] = useState<StaffRole>('lead')
  const [link, setLink] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const make = async () => {
    setError(null)
    try {
      const made = await inviteStaff(organisationId, role)
      setLink(`${window.location.origin}${made.path}`)
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Something went wrong. Try again.')
    }
  }
  return (
    <section aria-labelledby="staff-invite-heading">
      <h2 id="staff-invite-heading">Invite staff</h2>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="staff-invite-role">
          Role
        </label>
        <select
          className="nhsuk-select"
          id="staff-invite-role"
          value={role}
          onChange={(e) => setRole(e.target.value as StaffRole)}
        >
          {(['lead', 'member', 'administrator'] as const).map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r][0]!.toUpperCase() + ROLE_LABELS[r].slice(1)}
            </option>
          ))}
        </select>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={make}>
        Make a staff link
      </button>
      <div aria-live="polite">
        {link ? (
          <p>
            Send this link to the person; it works once, for 14 days:{' '}
            <code className="co-staff-link">{link}</code>
          </p>
        ) : null}
        {error ? <p className="nhsuk-error-message">{error}</p> : null}
      </div>
    </section>
  )
}
