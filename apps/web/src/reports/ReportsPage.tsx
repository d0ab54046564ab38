import { type Action, roleLabels, whyNotPublishable } from '@co-assess/board-model'
import { type FormEvent, type MouseEvent, useCallback, useEffect, useRef, useState } from 'react'
import type { PublicationPreview, PublicationState, Reassessment, ReportLinks } from '../api/apiTypes.ts'
import {
  getPublication,
  getReportLinks,
  previewPublication,
  publish,
  reassess,
  withdrawPublication,
} from '../api/endpoints.ts'
import { fileNameOf } from '../api/paperEndpoints.ts'
import { boardPath } from '../app/route.ts'
import { useBoardContext } from '../board/BoardContext.tsx'
import { AppLink } from '../components/AppLink.tsx'
import { statusLabels } from '../conversation/conversationView.ts'
import { useConversation } from '../conversation/useConversation.ts'
import { PublishPreview } from './PublishPreview.tsx'
import {
  actionCount,
  asSentence,
  canHaveLinks,
  linksStale,
  type ReportEntry,
  reportEntries,
  toggleChoice,
} from './reportEntries.ts'

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' })
const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' })
const formatWhen = (iso: string | null) => (iso ? when.format(Date.parse(iso)) : '')

interface Problem {
  target: string
  text: string
}

type Say = (text: string) => void
type Fail = (problem: Problem | null) => void

const messageOf = (error: unknown, fallback: string) => (error instanceof Error ? error.message : fallback)

/** /a/:assessmentId/reports — the reports to open or save, the public "you said, we did" page, and assessing again. */
export function ReportsPage() {
  const { assessment, isChair } = useBoardContext()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [status, setStatus] = useState('')
  const summaryRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (problem) summaryRef.current?.focus()
  }, [problem])

  const say = useCallback<Say>((text) => {
    // Clearing first makes the same sentence be read again.
    setStatus('')
    setTimeout(() => setStatus(text), 50)
  }, [])

  return (
    <div className="co-reports">
      <AppLink className="nhsuk-back-link" href={boardPath(assessment.id)}>
        Back to the board
      </AppLink>
      {problem ? (
        <div className="nhsuk-error-summary" ref={summaryRef} tabIndex={-1} data-testid="error-summary">
          <div role="alert">
            <h2 className="nhsuk-error-summary__heading" id="error-summary-title">
              There is a problem
            </h2>
            <div className="nhsuk-error-summary__body">
              <ul className="nhsuk-list nhsuk-error-summary__list">
                <li>
                  <a href={`#${problem.target}`}>{problem.text}</a>
                </li>
              </ul>
            </div>
          </div>
        </div>
      ) : null}
      <span className="nhsuk-caption-l">{assessment.title}</span>
      <h1>Reports and sharing</h1>
      <div role="status" aria-live="polite" className="nhsuk-u-visually-hidden" data-testid="reports-status">
        {status}
      </div>
      <ReportsSection say={say} fail={setProblem} />
      <PublicationSection say={say} fail={setProblem} problem={problem} />
      {isChair ? <ReassessSection say={say} fail={setProblem} /> : null}
    </div>
  )
}

function ReportsSection({ say, fail }: { say: Say; fail: Fail }) {
  const { assessment, isChair, person, keeper } = useBoardContext()
  const entries = reportEntries({
    assessmentId: assessment.id,
    isChair,
    hasPrevious: Boolean(assessment.previousAssessmentId),
  })
  const withLinks = canHaveLinks(person.role)
  const [links, setLinks] = useState<ReportLinks | null>(null)

  const fetchLinks = useCallback(async (): Promise<ReportLinks | null> => {
    try {
      const fresh = await getReportLinks(assessment.id, await keeper.token())
      setLinks(fresh)
      return fresh
    } catch (error) {
      fail({ target: 'refresh-links', text: messageOf(error, 'The report links could not be made.') })
      return null
    }
  }, [assessment.id, keeper, fail])

  useEffect(() => {
    if (withLinks) void fetchLinks()
  }, [withLinks, fetchLinks])

  const refresh = async () => {
    fail(null)
    if (await fetchLinks()) say('New report links are ready.')
  }

  // A link that has run out is replaced before the browser follows it.
  const follow = async (event: MouseEvent<HTMLAnchorElement>, entry: ReportEntry) => {
    if (!linksStale(links?.expiresAt, Date.now())) return
    event.preventDefault()
    const fresh = await fetchLinks()
    const href = fresh?.links[entry.kind]
    if (href) window.location.assign(href)
  }

  const save = async (entry: ReportEntry) => {
    fail(null)
    try {
      const response = await fetch(entry.apiPath, {
        headers: { Authorization: `Bearer ${await keeper.token()}` },
      })
      if (!response.ok) throw new Error('The report could not be downloaded. Try again in a moment.')
      const url = URL.createObjectURL(await response.blob())
      const a = document.createElement('a')
      a.href = url
      // The server names its downloads for people ("Co-assess report - <title> - <date>.docx").
      a.download = fileNameOf(response.headers.get('content-disposition')) ?? entry.filename
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      say(`${entry.label} downloaded.`)
    } catch (error) {
      fail({ target: `save-${entry.kind}`, text: messageOf(error, 'The report could not be downloaded.') })
    }
  }

  return (
    <section aria-labelledby="reports-title" className="co-reports__section">
      <h2 id="reports-title">Reports</h2>
      {withLinks ? (
        <p>
          These links open or save the report as it stands now. They are yours alone and stop working after 15
          minutes
          {links ? ` (at ${time.format(Date.parse(links.expiresAt))})` : ''}; the page fetches new ones when
          you need them.
        </p>
      ) : (
        <p>
          As {person.role === 'observer' ? 'an' : 'a'} {roleLabels[person.role].toLowerCase()} you can read
          the reports. Each one is saved to your device as a file.
        </p>
      )}
      <ul className="nhsuk-list co-report-list" data-testid="report-list">
        {entries.map((entry) => (
          <li key={entry.kind} className="co-report-list__item">
            {withLinks ? (
              links ? (
                <a
                  href={links.links[entry.kind]}
                  onClick={(e) => void follow(e, entry)}
                  aria-describedby={`report-${entry.kind}-hint`}
                >
                  {entry.label}
                </a>
              ) : (
                <span>{entry.label} (link loading)</span>
              )
            ) : (
              <button
                type="button"
                id={`save-${entry.kind}`}
                className="co-link-button"
                aria-describedby={`report-${entry.kind}-hint`}
                onClick={() => void save(entry)}
              >
                Save {entry.label.charAt(0).toLowerCase()}
                {entry.label.slice(1)}
              </button>
            )}
            <span className="nhsuk-hint co-report-list__hint" id={`report-${entry.kind}-hint`}>
              {entry.description}
            </span>
          </li>
        ))}
      </ul>
      {withLinks ? (
        <button
          type="button"
          id="refresh-links"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => void refresh()}
        >
          Get new report links
        </button>
      ) : null}
    </section>
  )
}

function CopyLink(props: { id: string; label: string; link: string; say: Say }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        className="nhsuk-input"
        id={props.id}
        type="text"
        readOnly
        value={props.link}
        onFocus={(e) => e.target.select()}
      />
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small co-copy"
        onClick={() => {
          void navigator.clipboard
            ?.writeText(props.link)
            .then(() => props.say('Link copied.'))
            .catch(() => props.say('The link could not be copied. Select it and copy it yourself.'))
        }}
      >
        Copy link
      </button>
    </div>
  )
}

function PublicationSection({ say, fail, problem }: { say: Say; fail: Fail; problem: Problem | null }) {
  const { assessment, isChair, keeper, connection } = useBoardContext()
  const { actions } = useConversation(connection.doc)
  const [state, setState] = useState<PublicationState | null>(null)
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [preview, setPreview] = useState<PublicationPreview | null>(null)
  const [checkedNames, setCheckedNames] = useState<Set<string>>(new Set())
  const confirmRef = useRef<HTMLHeadingElement>(null)

  const load = useCallback(async () => {
    try {
      setState(await getPublication(assessment.id, await keeper.token()))
    } catch (error) {
      fail({
        target: 'publication-title',
        text: messageOf(error, 'Whether the page is published could not be checked.'),
      })
    }
  }, [assessment.id, keeper, fail])

  useEffect(() => {
    void load()
  }, [load])

  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
  }, [confirming])

  const order = actions.map((a) => a.id)
  // The server refuses the rest too; listing them apart, with why, saves the chair a failed publish.
  const ready = actions.filter((a) => whyNotPublishable(a) === null)
  const notReady = actions.flatMap((a) => {
    const why = whyNotPublishable(a)
    return why ? [{ action: a, why }] : []
  })
  const chooseError = problem?.target === 'publish-choice' ? problem.text : null

  // Publishing goes through a preview: the chair reads the page as the public will, and checks every
  // word that may still name someone on the board.
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const publishable = new Set(ready.map((a) => a.id))
    const ids = order.filter((id) => chosen.has(id) && publishable.has(id))
    if (ids.length === 0) {
      fail({ target: 'publish-choice', text: 'Tick at least one action to put on the public page' })
      return
    }
    fail(null)
    setBusy(true)
    try {
      setPreview(await previewPublication(assessment.id, await keeper.token(), ids))
      setCheckedNames(new Set())
    } catch (error) {
      fail({ target: 'publish-choice', text: messageOf(error, 'The preview could not be made.') })
    } finally {
      setBusy(false)
    }
  }

  const publishPreviewed = async () => {
    if (!preview) return
    const unchecked = preview.possibleNames.filter((n) => !checkedNames.has(n.id))
    if (unchecked.length) {
      fail({
        target: 'possible-names',
        text: 'Tick each marked word you have checked, or edit the action on the board and preview again',
      })
      return
    }
    fail(null)
    setBusy(true)
    try {
      const ids = preview.items.map((item) => item.actionId)
      const done = await publish(assessment.id, await keeper.token(), ids, [...checkedNames])
      setPreview(null)
      await load()
      document.getElementById('publication-title')?.focus()
      say(`The public page is published with ${actionCount(done.actionCount)}.`)
    } catch (error) {
      fail({ target: 'possible-names', text: messageOf(error, 'The public page could not be published.') })
    } finally {
      setBusy(false)
    }
  }

  const withdraw = async () => {
    fail(null)
    setBusy(true)
    try {
      await withdrawPublication(assessment.id, await keeper.token())
      setConfirming(false)
      await load()
      // The button that had focus has gone: put the person back at the top of this section.
      document.getElementById('publication-title')?.focus()
      say('The public page is withdrawn. Its link now says it is no longer published.')
    } catch (error) {
      fail({ target: 'withdraw-yes', text: messageOf(error, 'The public page could not be withdrawn.') })
    } finally {
      setBusy(false)
    }
  }

  const publicLink = state?.path ? `${window.location.origin}${state.path}` : ''
  return (
    <section aria-labelledby="publication-title" className="co-reports__section">
      <h2 id="publication-title" tabIndex={-1}>
        Public "you said, we did" page
      </h2>
      {state === null ? (
        <p>Checking whether the public page is published…</p>
      ) : state.published ? (
        <>
          <p data-testid="publication-state">
            <strong className="nhsuk-tag nhsuk-tag--green">Published</strong> on{' '}
            {formatWhen(state.publishedAt)} with {actionCount(state.actionCount)}. Anyone with the link can
            read it without signing in.
          </p>
          <CopyLink id="public-link" label="Link to the public page" link={publicLink} say={say} />
        </>
      ) : state.withdrawnAt ? (
        <p data-testid="publication-state">
          <strong className="nhsuk-tag nhsuk-tag--grey">Withdrawn</strong> on {formatWhen(state.withdrawnAt)}.
          Its link now says the page is no longer published.
          {isChair ? ' Publishing again uses the same link.' : ''}
        </p>
      ) : (
        <p data-testid="publication-state">
          <strong className="nhsuk-tag nhsuk-tag--grey">Not published</strong>{' '}
          {isChair
            ? 'Choose the actions to share with the public below.'
            : 'The chair has not published a public page yet.'}
        </p>
      )}
      {isChair ? (
        <>
          <div className="nhsuk-warning-callout">
            <h3 className="nhsuk-warning-callout__label">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              What the public will see
            </h3>
            <p>
              The public page shows no names, organisations or comments. It shows only the actions you tick
              here: what people said, what was done (or, for a dropped action, why), what changed and where
              each action stands. The name of anyone on the board in those words is replaced by their group,
              such as "a VCSE partner". Anyone with the link can read it.
            </p>
            <p>Only agreed actions can go on the page, and a dropped one only once its reason is recorded.</p>
          </div>
          {actions.length === 0 || ready.length === 0 ? (
            <p>
              {actions.length === 0
                ? 'There are no actions on the board yet. Add "you said, we did" actions on the '
                : 'No action is ready for the public page yet. Agree actions (or record why one was dropped) on the '}
              <AppLink href={boardPath(assessment.id)}>board overview</AppLink> first.
            </p>
          ) : (
            <form onSubmit={(e) => void submit(e)} noValidate>
              <div className={`nhsuk-form-group${chooseError ? ' nhsuk-form-group--error' : ''}`}>
                <fieldset
                  className="nhsuk-fieldset"
                  aria-describedby={`publish-hint${chooseError ? ' publish-error' : ''}`}
                >
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                    <h3 className="nhsuk-fieldset__heading">Which actions should the public page show?</h3>
                  </legend>
                  <div className="nhsuk-hint" id="publish-hint">
                    Select all that apply.{' '}
                    {state?.published ? 'Updating the page replaces what it shows now.' : ''}
                  </div>
                  {chooseError ? (
                    <span className="nhsuk-error-message" id="publish-error">
                      <span className="nhsuk-u-visually-hidden">Error:</span> {chooseError}
                    </span>
                  ) : null}
                  <div className="nhsuk-checkboxes" data-testid="publish-actions">
                    {ready.map((action, index) => (
                      <ActionChoice
                        key={action.id}
                        action={action}
                        inputId={index === 0 ? 'publish-choice' : `publish-${action.id}`}
                        checked={chosen.has(action.id)}
                        onChange={() => {
                          setChosen((c) => toggleChoice(order, c, action.id))
                          setPreview(null)
                        }}
                      />
                    ))}
                  </div>
                </fieldset>
              </div>
              <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={busy}>
                Preview the public page
              </button>
            </form>
          )}
          {preview ? (
            <PublishPreview
              preview={preview}
              confirmed={checkedNames}
              onConfirm={(id) =>
                setCheckedNames((current) => {
                  const next = new Set(current)
                  if (next.has(id)) next.delete(id)
                  else next.add(id)
                  return next
                })
              }
              onPublish={() => void publishPreviewed()}
              busy={busy}
              error={problem?.target === 'possible-names' ? problem.text : null}
              republishing={state?.published === true}
            />
          ) : null}
          {notReady.length ? (
            <>
              <h3>Not ready for the public page</h3>
              <ul className="nhsuk-list nhsuk-list--bullet" data-testid="publish-not-ready">
                {notReady.map(({ action, why }) => (
                  <li key={action.id}>
                    You said: {action.youSaid || '(not written yet)'}. This action {why}.
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {state?.published ? (
            confirming ? (
              <div className="nhsuk-card nhsuk-card--feature co-confirm" data-testid="withdraw-confirm">
                <div className="nhsuk-card__content nhsuk-card__content--feature">
                  <h3
                    className="nhsuk-card__heading nhsuk-card__heading--feature"
                    ref={confirmRef}
                    tabIndex={-1}
                  >
                    Withdraw the public page?
                  </h3>
                  <p>
                    Anyone who opens the link will be told the page is no longer published. The actions stay
                    on the board, and you can publish again later.
                  </p>
                  <div className="nhsuk-button-group">
                    <button
                      type="button"
                      id="withdraw-yes"
                      className="nhsuk-button nhsuk-button--warning"
                      disabled={busy}
                      onClick={() => void withdraw()}
                    >
                      Yes, withdraw the public page
                    </button>
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary"
                      onClick={() => {
                        setConfirming(false)
                        setTimeout(() => document.getElementById('withdraw-start')?.focus(), 0)
                      }}
                    >
                      No, keep it published
                    </button>
                  </div>
                </div>
              </div>
            ) : (
              <button
                type="button"
                id="withdraw-start"
                className="nhsuk-button nhsuk-button--warning"
                onClick={() => setConfirming(true)}
              >
                Withdraw the public page
              </button>
            )
          ) : null}
        </>
      ) : null}
    </section>
  )
}

function ActionChoice(props: { action: Action; inputId: string; checked: boolean; onChange: () => void }) {
  const { action, inputId } = props
  const hintId = `${inputId}-hint`
  return (
    <div className="nhsuk-checkboxes__item">
      <input
        className="nhsuk-checkboxes__input"
        id={inputId}
        type="checkbox"
        checked={props.checked}
        onChange={props.onChange}
        aria-describedby={hintId}
      />
      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputId}>
        You said: {action.youSaid || '(not written yet)'}
      </label>
      <div className="nhsuk-hint nhsuk-checkboxes__hint" id={hintId}>
        {/* Each on its own line, each one sentence: "…every meeting.. Status:" ran the two together. */}
        <span className="co-hint-line">We did: {asSentence(action.weDid) || 'not written yet.'}</span>{' '}
        <span className="co-hint-line">Status: {statusLabels[action.status]}.</span>
      </div>
    </div>
  )
}

function ReassessSection({ say, fail }: { say: Say; fail: Fail }) {
  const { assessment, keeper } = useBoardContext()
  const [created, setCreated] = useState<Reassessment | null>(null)
  const [busy, setBusy] = useState(false)
  const doneRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    if (created) doneRef.current?.focus()
  }, [created])

  const start = async () => {
    fail(null)
    setBusy(true)
    try {
      const next = await reassess(assessment.id, await keeper.token())
      setCreated(next)
      say(`Re-assessment created. ${actionCount(next.carriedForward)} carried forward.`)
    } catch (error) {
      fail({ target: 'reassess', text: messageOf(error, 'The re-assessment could not be created.') })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="reassess-title" className="co-reports__section">
      <h2 id="reassess-title">Assess again</h2>
      <p>
        A re-assessment is a new board for the same workstream, so you can see what has changed. It copies the
        framework, not the ticks: everyone starts again with a clear checklist. Open actions are carried
        forward so you can keep track of them. This board stays as it is, and the new one can be compared with
        it.
      </p>
      {created ? (
        <div className="nhsuk-card nhsuk-card--feature" data-testid="reassess-done">
          <div className="nhsuk-card__content nhsuk-card__content--feature">
            <h3 className="nhsuk-card__heading nhsuk-card__heading--feature" ref={doneRef} tabIndex={-1}>
              Re-assessment created
            </h3>
            <p>
              "{created.assessment.title}" is ready. {actionCount(created.carriedForward)} carried forward.
              Open the chair link below to join it as its chair, then invite people from its board.
            </p>
            <CopyLink
              id="reassess-link"
              label="Chair link for the new assessment (anyone with it can join as chair)"
              link={`${window.location.origin}${created.chairInvite.path}`}
              say={say}
            />
            <p>
              <a href={created.chairInvite.path}>Open the new assessment as chair</a>
            </p>
          </div>
        </div>
      ) : (
        <button
          type="button"
          id="reassess"
          className="nhsuk-button"
          disabled={busy}
          onClick={() => void start()}
        >
          Create a re-assessment
        </button>
      )}
    </section>
  )
}
