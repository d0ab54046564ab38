import {
  personLabel,
  roleLabels,
  type StakeholderGroup,
  stakeholderGroupLabels,
} from '@co-assess/board-model'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api/apiFetch.ts'
import type { InviteInfo, JoinResult } from '../api/apiTypes.ts'
import { joinWithInvite } from '../api/endpoints.ts'
import { BoardPage, startBoardEarly } from '../app/lazyBoardPage.ts'
import { navigate } from '../app/navigation.ts'
import { boardPath } from '../app/route.ts'
import { ErrorSummary } from '../components/ErrorSummary.tsx'
import { Loading, NoticePage } from '../components/NoticePage.tsx'
import { PageShell } from '../components/PageShell.tsx'
import {
  clearSession,
  loadSession,
  type StoredSession,
  saveSession,
  sessionFromJoin,
} from '../session/storedSession.ts'
import { EqualityQuestions } from './EqualityQuestions.tsx'
import { requestInvite } from './inviteRequest.ts'
import { type JoinErrors, type JoinForm, validateJoin } from './validateJoin.ts'
import { WhatWeKeep } from './WhatWeKeep.tsx'

const GROUP_HINTS: Partial<Record<StakeholderGroup, string>> = {
  ics: 'You work for the NHS, the local authority or another statutory partner in the integrated care system',
  vcse: 'You work or volunteer for a voluntary, community or social enterprise organisation',
  'lived-experience': 'You are here to speak from your own experience, or for your community',
}
const JOINABLE_GROUPS: StakeholderGroup[] = ['ics', 'vcse', 'lived-experience']

type Load =
  | { state: 'loading' }
  | { state: 'ready'; invite: InviteInfo }
  | { state: 'failed'; status: number; message: string }

/** /join/:token — who you are and which group you speak for, then straight onto the board. */
export function JoinPage({ token }: { token: string }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [existing, setExisting] = useState<StoredSession | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    requestInvite(token)
      .then((invite) => {
        setExisting(loadSession(localStorage, invite.assessment.id))
        setLoad({ state: 'ready', invite })
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return
        const status = error instanceof ApiError ? error.status : 0
        const message = error instanceof Error ? error.message : 'Something went wrong.'
        setLoad({ state: 'failed', status, message })
      })
    return () => controller.abort()
  }, [token])

  // The board's code (Yjs, the connection: most of the app's JavaScript) is fetched once the form is
  // on screen, while the person fills it in: fetched and run any earlier, it held the form back.
  const ready = load.state === 'ready'
  useEffect(() => {
    if (ready) void BoardPage.preload()
  }, [ready])

  if (load.state === 'loading') return <Loading what="your invite" />
  if (load.state === 'failed') {
    const heading =
      load.status === 404
        ? 'This invite link is not known'
        : load.status === 410
          ? 'This invite link can no longer be used'
          : 'Your invite could not be checked'
    return (
      <NoticePage heading={heading}>
        <p>{load.message}</p>
        {load.status === 404 || load.status === 410 ? (
          <p>Ask the person running the session (the chair) to send you a new invite link.</p>
        ) : (
          <p>
            <a href={`/join/${token}`}>Try the link again</a>
          </p>
        )}
      </NoticePage>
    )
  }

  const { invite } = load
  if (existing) {
    return (
      <NoticePage
        heading={`You have already joined ${invite.assessment.title}`}
        title={invite.assessment.title}
      >
        <p>
          On this device you joined as <strong>{personLabel(existing.person)}</strong>.
        </p>
        <button
          type="button"
          className="nhsuk-button"
          onClick={() => navigate(boardPath(invite.assessment.id), { replace: true })}
        >
          Continue as {existing.person.name}
        </button>
        <p>
          <button
            type="button"
            className="co-link-button"
            onClick={() => {
              clearSession(localStorage, invite.assessment.id)
              setExisting(null)
            }}
          >
            I am someone else: join with my own name
          </button>
        </p>
      </NoticePage>
    )
  }
  return <JoinFormView token={token} invite={invite} />
}

function JoinFormView({ token, invite }: { token: string; invite: InviteInfo }) {
  // The invite says which groups it offers: none for observers, peer reviewers and a facilitating
  // chair; one that it fixes; or a choice. Older servers send none, so fall back to the defaults.
  const choices =
    invite.groups ??
    (invite.role === 'peer-reviewer' || invite.role === 'observer'
      ? []
      : JOINABLE_GROUPS.map((id) => ({ id, label: stakeholderGroupLabels[id] ?? id })))
  const groupNeeded = choices.length > 0
  const [form, setForm] = useState<JoinForm>({
    displayName: '',
    organisation: '',
    group: choices.length === 1 ? choices[0]!.id : '',
  })
  const [joinedAs, setJoinedAs] = useState<JoinResult | null>(null)
  const [errors, setErrors] = useState<JoinErrors>({})
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const summaryRef = useRef<HTMLDivElement>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found = validateJoin(form, groupNeeded)
    setErrors(found)
    setServerError(null)
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus())
      return
    }
    setBusy(true)
    try {
      const joined = await joinWithInvite(token, {
        displayName: form.displayName.trim(),
        organisation: form.organisation.trim(),
        group: groupNeeded ? (form.group as StakeholderGroup) : null,
      })
      saveSession(localStorage, sessionFromJoin(joined, invite.assessment.title))
      // People counted in the room are offered the optional equality questions first; the board
      // opens behind them, so its first sync runs while they are read or skipped.
      if (joined.person.group) {
        setJoinedAs(joined)
        startBoardEarly(joined.assessmentId)
      } else navigate(boardPath(joined.assessmentId), { replace: true })
    } catch (error) {
      setServerError(error instanceof Error ? error.message : 'Something went wrong. Try again.')
      setBusy(false)
      requestAnimationFrame(() => summaryRef.current?.focus())
    }
  }

  const problems: Array<[string, string]> = [
    ...(Object.entries(errors) as Array<[keyof JoinForm, string]>).map(
      ([field, text]) =>
        [field === 'group' ? `group-${choices[0]?.id ?? 'ics'}` : field, text] as [string, string],
    ),
    ...(serverError ? [['displayName', serverError] as [string, string]] : []),
  ]
  const field = (
    name: 'displayName' | 'organisation',
    label: string,
    autoComplete: string,
    hint?: string,
  ) => (
    <div className={`nhsuk-form-group${errors[name] ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
      ) : null}
      {errors[name] ? (
        <span className="nhsuk-error-message" id={`${name}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {errors[name]}
        </span>
      ) : null}
      <input
        className={`nhsuk-input${errors[name] ? ' nhsuk-input--error' : ''}`}
        id={name}
        name={name}
        type="text"
        autoComplete={autoComplete}
        spellCheck={false}
        value={form[name]}
        aria-describedby={
          [hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ') ||
          undefined
        }
        onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
      />
    </div>
  )

  if (joinedAs) return <EqualityQuestions joined={joinedAs} title={invite.assessment.title} />
  return (
    <PageShell title={invite.assessment.title}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary problems={problems.map(([target, text]) => ({ target, text }))} ref={summaryRef} />
          <span className="nhsuk-caption-l">{invite.assessment.workstream}</span>
          <h1>Join {invite.assessment.title}</h1>
          <p>
            {`You are invited as ${article(roleLabels[invite.role])} `}
            <strong>{roleLabels[invite.role].toLowerCase()}</strong>
            {`. ${roleExplanation(invite.role)}`}
          </p>
          <p>
            {groupNeeded
              ? 'Others on the board will see your name, organisation and group next to what you do.'
              : 'Others on the board will see your name and organisation next to what you do.'}
          </p>
          <WhatWeKeep withGroup={groupNeeded} />
          <form noValidate onSubmit={submit}>
            {field('displayName', 'Your name', 'name', 'The name people in the session know you by')}
            {field(
              'organisation',
              'Your organisation (optional)',
              'organization',
              'Leave this blank if you are not here for an organisation',
            )}
            {groupNeeded ? (
              <div className={`nhsuk-form-group${errors.group ? ' nhsuk-form-group--error' : ''}`}>
                <fieldset
                  className="nhsuk-fieldset"
                  aria-describedby={['group-hint', errors.group ? 'group-error' : '']
                    .filter(Boolean)
                    .join(' ')}
                >
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                    Which group are you here for?
                  </legend>
                  <div className="nhsuk-hint" id="group-hint">
                    Ticks are counted by group, so the session can see where groups see things differently.
                  </div>
                  {errors.group ? (
                    <span className="nhsuk-error-message" id="group-error">
                      <span className="nhsuk-u-visually-hidden">Error:</span> {errors.group}
                    </span>
                  ) : null}
                  <div className="nhsuk-radios">
                    {choices.map(({ id: group, label }) => (
                      <div className="nhsuk-radios__item" key={group}>
                        <input
                          className="nhsuk-radios__input"
                          id={`group-${group}`}
                          name="group"
                          type="radio"
                          value={group}
                          checked={form.group === group}
                          aria-describedby={`group-${group}-hint`}
                          onChange={() => setForm((f) => ({ ...f, group }))}
                        />
                        <label className="nhsuk-label nhsuk-radios__label" htmlFor={`group-${group}`}>
                          {label}
                        </label>
                        <div className="nhsuk-hint nhsuk-radios__hint" id={`group-${group}-hint`}>
                          {GROUP_HINTS[group] ?? `You are here for ${label}`}
                        </div>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
            ) : null}
            <button className="nhsuk-button" type="submit" disabled={busy} aria-disabled={busy}>
              {busy ? 'Joining…' : 'Join the board'}
            </button>
          </form>
        </div>
      </div>
    </PageShell>
  )
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a')

function roleExplanation(role: InviteInfo['role']): string {
  switch (role) {
    case 'chair':
      return 'You run the session: you move everyone between areas, run blind rounds and record the agreed level.'
    case 'participant':
      return 'You tick the checklist items you believe are in place and write evidence notes with others.'
    case 'peer-reviewer':
      return 'You read the assessment as a reviewer from another integrated care system, comment on items and areas, and suggest a level for each area. You do not tick items.'
    case 'observer':
      return 'You can follow the board as it changes (the counts, the notes and the discussion) but not tick or write.'
  }
}
