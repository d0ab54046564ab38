import { plainDate } from '@co-assess/board-model'
import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../api/apiFetch.ts'
import { getFramework } from '../api/endpoints.ts'
import { AppLink } from '../components/AppLink.tsx'
import { Loading } from '../components/NoticePage.tsx'
import { PageShell } from '../components/PageShell.tsx'
import type { Framework } from '../framework/frameworkTypes.ts'
import { openAsChair } from './openAsChair.ts'
import { PlaceRollupView } from './PlaceRollupView.tsx'
import { StaffInvite } from './StaffInvite.tsx'
import { StaffSignIn } from './StaffSignIn.tsx'
import {
  chairAssessment,
  type OrganisationAssessment,
  organisationAssessments,
  organisationHistory,
  organisationPlaces,
  type PlaceLevels,
  reassessAssessment,
  type StaffMe,
  staffMe,
  staffSignOut,
  type WorkstreamHistory,
} from './staffApi.ts'
import { ROLE_LABELS } from './staffProblems.ts'
import { WorkstreamHistoryView } from './WorkstreamHistoryView.tsx'
import './staff.css'

type Loaded =
  | { state: 'loading' }
  | { state: 'signed-out' }
  | { state: 'failed'; message: string }
  | {
      state: 'ready'
      me: StaffMe
      assessments: OrganisationAssessment[]
      history: WorkstreamHistory[]
      places: Array<{ frameworkId: string; places: PlaceLevels[] }>
      frameworks: Map<string, Framework>
    }

const HORIZON = { 'looking-back': 'looking back', 'looking-forward': 'looking forward' } as const

/** An organisation's home: its assessments and where each stands, and each workstream's history. */
export function StaffHomePage() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  const [busy, setBusy] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const me = await staffMe()
      const [list, history, places] = await Promise.all([
        organisationAssessments(me.organisation.id),
        organisationHistory(me.organisation.id),
        organisationPlaces(me.organisation.id),
      ])
      const ids = [
        ...new Set([
          ...history.workstreams.map((w) => w.frameworkId),
          ...places.frameworks.map((f) => f.frameworkId),
        ]),
      ]
      const frameworks = new Map((await Promise.all(ids.map((id) => getFramework(id)))).map((f) => [f.id, f]))
      setLoaded({
        state: 'ready',
        me,
        assessments: list.assessments,
        history: history.workstreams,
        places: places.frameworks,
        frameworks,
      })
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setLoaded({ state: 'signed-out' })
      else
        setLoaded({
          state: 'failed',
          message: error instanceof Error ? error.message : 'Something went wrong.',
        })
    }
  }, [])
  useEffect(() => {
    document.title = 'Your organisation – Co-assess'
    void load()
  }, [load])

  if (loaded.state === 'loading') return <Loading what="your organisation" />
  if (loaded.state === 'signed-out') return <StaffSignIn />
  if (loaded.state === 'failed')
    return (
      <PageShell>
        <h1>Your organisation could not be shown</h1>
        <p>{loaded.message}</p>
      </PageShell>
    )

  const { me, assessments, history, places, frameworks } = loaded
  const leads = me.staff.role === 'lead' || me.staff.role === 'administrator'
  const titles = new Map(assessments.map((a) => [a.id, a.title]))

  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key)
    setActionError(null)
    try {
      await work()
    } catch (error) {
      setActionError(error instanceof Error ? error.message : 'Something went wrong. Try again.')
      setBusy(null)
    }
  }
  const signOut = () =>
    run('sign-out', async () => {
      await staffSignOut()
      setBusy(null)
      setLoaded({ state: 'signed-out' })
    })

  return (
    <PageShell homeHref="/staff" wide>
      <span className="nhsuk-caption-l">
        Signed in as {me.staff.name}, {ROLE_LABELS[me.staff.role]}
      </span>
      <h1>{me.organisation.name}</h1>
      <div className="co-staff-actions">
        {leads ? (
          <AppLink className="nhsuk-button" href="/staff/new">
            Set up a new assessment
          </AppLink>
        ) : null}
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={signOut}
          disabled={busy !== null}
        >
          Sign out
        </button>
      </div>
      {actionError ? (
        <div className="nhsuk-error-summary" role="alert">
          <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
          <p>{actionError}</p>
        </div>
      ) : null}

      <h2>Assessments</h2>
      {assessments.length === 0 ? (
        <p>
          {leads ? 'There are no assessments yet. Set one up to start.' : 'There are no assessments yet.'}
        </p>
      ) : (
        <ul className="nhsuk-list">
          {assessments.map((a) => (
            <li key={a.id} className="nhsuk-card">
              <div className="nhsuk-card__content">
                <h3 className="nhsuk-card__heading">{a.title}</h3>
                <p className="nhsuk-body-s">
                  {a.workstream}
                  {a.place ? `, ${a.place}` : ', whole system'} · {a.scope}
                  {a.horizon ? `, ${HORIZON[a.horizon]}` : ''} · set up{' '}
                  <time dateTime={a.createdAt}>{plainDate(a.createdAt)}</time>
                  {a.previousAssessmentId && titles.has(a.previousAssessmentId)
                    ? ` · follows ${titles.get(a.previousAssessmentId)}`
                    : ''}
                </p>
                {a.standing ? (
                  <dl className="co-standing">
                    <dt>Areas agreed</dt>
                    <dd>
                      {a.standing.areasAgreed} of {a.standing.areasInScope} in scope
                    </dd>
                    <dt>Open actions</dt>
                    <dd>{a.standing.openActions}</dd>
                    <dt>Actions not yet fed back</dt>
                    <dd>{a.standing.notFedBack}</dd>
                    <dt>Next session</dt>
                    <dd>{a.standing.nextSession ? plainDate(a.standing.nextSession) : 'None planned'}</dd>
                  </dl>
                ) : null}
                {leads ? (
                  <div className="co-staff-actions">
                    <button
                      className="nhsuk-button"
                      type="button"
                      disabled={busy !== null}
                      onClick={() =>
                        run(`chair-${a.id}`, async () => openAsChair(await chairAssessment(a.id), a.title))
                      }
                    >
                      Open as chair<span className="nhsuk-u-visually-hidden">: {a.title}</span>
                    </button>
                    <button
                      className="nhsuk-button nhsuk-button--secondary"
                      type="button"
                      disabled={busy !== null}
                      onClick={() =>
                        run(`again-${a.id}`, async () => {
                          const made = await reassessAssessment(a.id)
                          openAsChair(made.chair, made.assessment.title)
                        })
                      }
                    >
                      Assess again<span className="nhsuk-u-visually-hidden">: {a.title}</span>
                    </button>
                  </div>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}

      <h2>History of each workstream</h2>
      {history.length === 0 ? <p>Nothing to show yet.</p> : null}
      {history.map((w) => {
        const framework = frameworks.get(w.frameworkId)
        return framework ? (
          <WorkstreamHistoryView key={`${w.frameworkId}-${w.workstream}`} history={w} framework={framework} />
        ) : null
      })}

      {places.length > 0 ? (
        <section aria-labelledby="places-heading">
          <h2 id="places-heading">Across Places</h2>
          <p>
            Where each Place stands in its latest assessment, and how far apart the Places are. The spread
            shows the lowest and highest level agreed, so a Place that is behind is not hidden in an average.
          </p>
          {places.map((f) => {
            const framework = frameworks.get(f.frameworkId)
            return framework ? (
              <PlaceRollupView key={f.frameworkId} places={f.places} framework={framework} />
            ) : null
          })}
        </section>
      ) : null}

      {me.staff.role === 'administrator' ? <StaffInvite organisationId={me.organisation.id} /> : null}
    </PageShell>
  )
}
