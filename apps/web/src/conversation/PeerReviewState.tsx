import { useEffect, useRef, useState } from 'react'
import { ApiError, apiFetch } from '../api/apiFetch.ts'
import { useAnnounce } from '../board/Announcer.tsx'
import { useTalk } from './useTalk.ts'

const when = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
})

/**
 * Whether the peer review is open, what that means, and who last closed or reopened it; a chair can
 * close it or reopen it after saying yes to what that does. The server decides (peerReviewRoutes.ts:
 * chairs only) and logs who and when (records/peerReviewLog.ts).
 */
export function PeerReviewState() {
  const talk = useTalk()
  const announce = useAnnounce()
  const [asking, setAsking] = useState(false)
  const [state, setState] = useState<'idle' | 'busy' | { failed: string }>('idle')
  const headingRef = useRef<HTMLHeadingElement>(null)
  const askRef = useRef<HTMLParagraphElement>(null)
  // The state the chair just asked for; once the board shows it, focus goes to the heading that says it.
  const [awaiting, setAwaiting] = useState<boolean | null>(null)
  const closed = talk.reviewClosed
  useEffect(() => {
    if (asking) askRef.current?.focus()
  }, [asking])
  useEffect(() => {
    if (awaiting === null || awaiting !== closed) return
    setAwaiting(null)
    headingRef.current?.focus()
  }, [awaiting, closed])
  const last = talk.reviewLog.at(-1)
  const lastWords = last
    ? `${last.kind === 'closed' ? 'Closed' : 'Reopened'} by ${talk.view.people.get(last.by)?.name ?? 'a chair'} on ${when.format(new Date(last.at))}.`
    : null
  const change = async () => {
    setState('busy')
    try {
      await apiFetch(
        `/api/assessments/${encodeURIComponent(talk.assessment.id)}/review/${closed ? 'reopen' : 'close'}`,
        { method: 'POST', token: await talk.keeper.token() },
      )
      setAwaiting(!closed)
      setAsking(false)
      setState('idle')
      announce([
        {
          kind: 'message',
          text: closed
            ? 'The peer review is open again: reviewers can comment and suggest levels.'
            : 'The peer review is closed: reviewers can read but no longer write.',
        },
      ])
    } catch (e) {
      setState({ failed: e instanceof ApiError ? e.message : 'That did not work. Try again.' })
    }
  }
  return (
    <section className="co-review-state" aria-labelledby="review-state-title" data-testid="review-state">
      <h2 id="review-state-title" tabIndex={-1} ref={headingRef}>
        Peer review: {closed ? 'closed' : 'open'}
      </h2>
      {closed ? (
        <p className="nhsuk-inset-text" data-testid="review-closed">
          The peer review is closed: reviewers can read the assessment but no longer write.
        </p>
      ) : (
        <p data-testid="review-open">
          While the peer review is open, peer reviewers can comment and suggest a level for each area. Closing
          it stops them writing; they can still read everything.
        </p>
      )}
      {lastWords ? (
        <p className="nhsuk-body-s" data-testid="review-last-change">
          {lastWords}
        </p>
      ) : null}
      {talk.isChair && asking ? (
        <div className="co-confirm" data-testid="review-confirm">
          <p id="review-confirm-question" tabIndex={-1} ref={askRef}>
            {closed
              ? 'Reopen the peer review? Peer reviewers will be able to comment and suggest levels again.'
              : 'Close the peer review? Peer reviewers will no longer be able to comment or suggest levels. You can reopen it later.'}
          </p>
          <div className="nhsuk-button-group">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--small nhsuk-u-margin-bottom-0"
              disabled={state === 'busy'}
              onClick={() => void change()}
            >
              {closed ? 'Yes, reopen the peer review' : 'Yes, close the peer review'}
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
              onClick={() => {
                setAsking(false)
                setState('idle')
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : talk.isChair ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => setAsking(true)}
        >
          {closed ? 'Reopen the peer review' : 'Close the peer review'}
        </button>
      ) : null}
      {typeof state === 'object' ? (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {state.failed}
        </p>
      ) : null}
    </section>
  )
}
