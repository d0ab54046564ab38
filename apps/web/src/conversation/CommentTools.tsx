import {
  type Comment,
  hiddenNotice,
  MODERATION_REASON_MAX,
  type Moderation,
  type Person,
  proposeAction,
  readGroups,
} from '@co-assess/board-model'
import { useEffect, useId, useRef, useState } from 'react'
import { ApiError } from '../api/apiFetch.ts'
import { boardPath } from '../app/route.ts'
import { useAnnounce } from '../board/Announcer.tsx'
import { AppLink } from '../components/AppLink.tsx'
import { actionFocusPending, clearActionFocus, requestActionFocus } from './actionFocus.ts'
import { raisedByOf } from './anonymousComments.ts'
import { OwnerField, ownerPeople } from './OwnerField.tsx'
import type { ThreadTalk } from './useTalk.ts'

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 80).trimEnd()}…` : text)

/**
 * "Make this a proposed action", for the comment's author or a chair only (the server refuses anyone
 * else): asks first, with the action's owner to pick if it is known already, then says what happened where it was asked and moves focus to the new action
 * (its card, on the overview) or to that message (on an area's page, with a link to the actions).
 */
export function MakeActionTool({
  comment,
  author,
  talk,
  assessmentId,
  alreadyAction,
  mine,
}: {
  comment: Comment
  author: Person | undefined
  talk: ThreadTalk
  assessmentId: string
  alreadyAction: boolean
  mine: boolean
}) {
  const id = useId()
  const announce = useAnnounce()
  const [stage, setStage] = useState<'idle' | 'asking' | 'made'>('idle')
  const [owner, setOwner] = useState('')
  const doneRef = useRef<HTMLParagraphElement>(null)
  const askRef = useRef<HTMLParagraphElement>(null)
  const made = useRef<string | null>(null)
  useEffect(() => {
    if (stage === 'asking') askRef.current?.focus()
    // The new card may already have taken focus (it renders with the same change, on the overview).
    if (stage === 'made' && actionFocusPending(made.current)) doneRef.current?.focus()
  }, [stage])
  // Leaving the page before the new card showed: nothing should take focus later.
  useEffect(() => () => clearActionFocus(made.current), [])
  const may = talk.canWrite && (mine || talk.isChair)
  if (alreadyAction && stage !== 'made')
    return <span className="nhsuk-body-s co-comment__note">Proposed as an action.</span>
  if (!may) return null
  if (stage === 'made')
    return (
      <p className="nhsuk-body-s co-comment__note" tabIndex={-1} ref={doneRef} role="status">
        Proposed as an action: the chair can now agree it.{' '}
        <AppLink href={`${boardPath(assessmentId)}#actions-title`}>See the actions</AppLink>
      </p>
    )
  if (stage === 'asking')
    return (
      <div className="co-confirm" data-testid="confirm-make-action">
        <p className="nhsuk-body-s" id={`${id}-ask`} tabIndex={-1} ref={askRef}>
          Make this comment a proposed action? It will read: “{excerpt(comment.text)}”
        </p>
        <OwnerField
          value={owner}
          onChange={setOwner}
          people={ownerPeople(talk.peopleList)}
          groups={readGroups(talk.doc)}
        />
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--small nhsuk-u-margin-bottom-0"
            onClick={() => {
              const actionId = proposeAction(talk.doc, talk.personId, {
                youSaid: comment.text.slice(0, 5000),
                raisedBy: raisedByOf(comment, author),
                weDid: '',
                owner: owner.trim().slice(0, 120),
                dueDate: null,
                areaIds: [comment.anchor.areaId],
                fromCommentId: comment.id,
              })
              made.current = actionId
              requestActionFocus(actionId)
              announce([{ kind: 'message', text: 'Proposed as an action. The chair can now agree it.' }])
              setStage('made')
            }}
          >
            Yes, propose it as an action
          </button>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
            onClick={() => {
              setOwner('')
              setStage('idle')
            }}
          >
            Cancel
          </button>
        </div>
      </div>
    )
  return (
    <button type="button" className="co-link-button" onClick={() => setStage('asking')}>
      Make this a proposed action
    </button>
  )
}

/** What everyone sees in place of a hidden comment's words. */
export function HiddenNotice({ record, byName }: { record: Moderation; byName: string }) {
  return (
    <p className="co-comment__hidden" data-testid="comment-hidden">
      <strong>{hiddenNotice(record.reason)}</strong>
      <span className="nhsuk-body-s"> (hidden by {byName})</span>
    </p>
  )
}

/**
 * The chair's moderation of one comment: hide it, with a reason everyone will see, or show it again.
 * The server does the work (the words leave every browser and output); this only asks and reports.
 */
export function ModerationTool({ comment, talk }: { comment: Comment; talk: ThreadTalk }) {
  const id = useId()
  const announce = useAnnounce()
  const record = talk.moderation.get(comment.id)
  const hidden = record?.hidden === true
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const reasonRef = useRef<HTMLTextAreaElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)
  // Back to the button once the change is done and the button usable again (a disabled one takes no focus).
  const [refocus, setRefocus] = useState(false)
  useEffect(() => {
    if (asking) reasonRef.current?.focus()
  }, [asking])
  useEffect(() => {
    if (!refocus || busy) return
    setRefocus(false)
    toggleRef.current?.focus()
  }, [refocus, busy])
  if (!talk.isChair || comment.deleted) return null
  const run = async (hide: { reason: string } | null) => {
    setBusy(true)
    try {
      await talk.moderate(comment.id, hide)
      setAsking(false)
      setReason('')
      setError('')
      announce([
        {
          kind: 'message',
          text: hide
            ? `Comment hidden. Everyone now sees: ${hiddenNotice(hide.reason)}`
            : 'Comment shown again.',
        },
      ])
      setRefocus(true)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The comment could not be changed. Try again.')
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button
        type="button"
        className="co-link-button"
        ref={toggleRef}
        disabled={busy}
        aria-expanded={hidden ? undefined : asking}
        onClick={() => (hidden ? void run(null) : setAsking(!asking))}
      >
        {hidden ? 'Show this comment again' : 'Hide this comment'}
      </button>
      {hidden && error ? (
        <span className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      {asking && !hidden ? (
        <form
          className="co-confirm"
          noValidate
          data-testid="hide-comment"
          onSubmit={(e) => {
            e.preventDefault()
            const why = reason.trim()
            if (!why) {
              setError('Write why you are hiding this comment')
              reasonRef.current?.focus()
              return
            }
            void run({ reason: why })
          }}
        >
          <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={`${id}-reason`}>
              Why you are hiding this comment
            </label>
            <div className="nhsuk-hint" id={`${id}-hint`}>
              Everyone will see “Hidden by the chair:” and these words in its place. Its own words leave
              everyone’s screen and every report; you can show it again.
            </div>
            {error ? (
              <span className="nhsuk-error-message" id={`${id}-error`}>
                <span className="nhsuk-u-visually-hidden">Error:</span> {error}
              </span>
            ) : null}
            <textarea
              ref={reasonRef}
              className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
              id={`${id}-reason`}
              rows={2}
              maxLength={MODERATION_REASON_MAX}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
              aria-invalid={error ? true : undefined}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="nhsuk-button-group">
            <button
              type="submit"
              className="nhsuk-button nhsuk-button--small nhsuk-u-margin-bottom-0"
              disabled={busy}
            >
              Hide the comment
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
              onClick={() => {
                setAsking(false)
                setError('')
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </>
  )
}
