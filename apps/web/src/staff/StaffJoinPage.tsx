import { type FormEvent, useEffect, useRef, useState } from 'react'
import { navigate } from '../app/navigation.ts'
import { ErrorSummary } from '../components/ErrorSummary.tsx'
import { Loading, NoticePage } from '../components/NoticePage.tsx'
import { PageShell } from '../components/PageShell.tsx'
import { acceptStaffLink, type StaffRole, staffLink } from './staffApi.ts'
import { ROLE_LABELS } from './staffProblems.ts'

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; organisation: string; role: StaffRole; provider: boolean }

/** A staff link: sign in with the organisation's account, or (with no provider set up) give your name. */
export function StaffJoinPage({ token }: { token: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const summaryRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    document.title = 'Join as staff – Co-assess'
    staffLink(token).then(
      (link) =>
        setLoaded({
          state: 'ready',
          organisation: link.organisation.name,
          role: link.role,
          provider: link.provider,
        }),
      (e: unknown) =>
        setLoaded({ state: 'failed', message: e instanceof Error ? e.message : 'This link does not work.' }),
    )
  }, [token])

  if (loaded.state === 'loading') return <Loading what="your staff link" />
  if (loaded.state === 'failed')
    return (
      <NoticePage heading="This staff link does not work">
        <p>{loaded.message}</p>
      </NoticePage>
    )

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) {
      setError('Enter your name')
      requestAnimationFrame(() => summaryRef.current?.focus())
      return
    }
    setBusy(true)
    try {
      await acceptStaffLink(token, name.trim())
      navigate('/staff', { replace: true })
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Something went wrong. Try again.')
      setBusy(false)
      requestAnimationFrame(() => summaryRef.current?.focus())
    }
  }

  const role = ROLE_LABELS[loaded.role]
  return (
    <PageShell>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary problems={error ? [{ target: 'staff-name', text: error }] : []} ref={summaryRef} />
          <h1>
            Join {loaded.organisation} as {/^[aeiou]/.test(role) ? 'an' : 'a'} {role}
          </h1>
          {loaded.provider ? (
            <>
              <p>Sign in with your organisation account. This link then makes you staff, once.</p>
              <a className="nhsuk-button" href={`/api/staff/sign-in?invite=${encodeURIComponent(token)}`}>
                Sign in with your organisation account
              </a>
            </>
          ) : (
            <form noValidate onSubmit={submit}>
              <p>
                There is no password: this link signs you in on this device. Keep the device to yourself, and
                ask an administrator for a new link if you need to sign in somewhere else.
              </p>
              <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
                <label className="nhsuk-label" htmlFor="staff-name">
                  Your name
                </label>
                {error ? (
                  <span className="nhsuk-error-message" id="staff-name-error">
                    <span className="nhsuk-u-visually-hidden">Error:</span> {error}
                  </span>
                ) : null}
                <input
                  className={`nhsuk-input${error ? ' nhsuk-input--error' : ''}`}
                  id="staff-name"
                  name="name"
                  type="text"
                  autoComplete="name"
                  value={name}
                  aria-describedby={error ? 'staff-name-error' : undefined}
                  onChange={(e) => setName(e.target.value)}
                />
              </div>
              <button className="nhsuk-button" type="submit" disabled={busy}>
                {busy ? 'Joining…' : 'Join'}
              </button>
            </form>
          )}
        </div>
      </div>
    </PageShell>
  )
}
