import { useEffect, useState } from 'react'
import { PageShell } from '../components/PageShell.tsx'
import { staffSignInOptions } from './staffApi.ts'
import { signInProblem } from './staffProblems.ts'

/** Staff who are not signed in: the organisation's sign-in if there is one, otherwise how to use a staff link. */
export function StaffSignIn() {
  const [provider, setProvider] = useState<boolean | null>(null)
  const problem = signInProblem(window.location.search)
  useEffect(() => {
    document.title = 'Staff sign in – Co-assess'
    staffSignInOptions().then(
      (options) => setProvider(options.provider),
      () => setProvider(false),
    )
  }, [])
  return (
    <PageShell>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {problem ? (
            <div className="nhsuk-error-summary" role="alert">
              <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
              <p>{problem}</p>
            </div>
          ) : null}
          <h1>Staff sign in</h1>
          <p>
            Engagement leads and administrators sign in here to see their organisation’s assessments and set
            up new ones. People taking part in a session do not need to sign in: they use the invite link from
            the chair.
          </p>
          {provider === null ? (
            <p>Loading…</p>
          ) : provider ? (
            <a className="nhsuk-button" href="/api/staff/sign-in">
              Sign in with your organisation account
            </a>
          ) : (
            <p>Open the staff link your administrator sent you. It signs you in on this device.</p>
          )}
        </div>
      </div>
    </PageShell>
  )
}
