import './conversation.css'
import { useState } from 'react'
import { apiFetch } from '../api/apiFetch.ts'
import { ActionList } from './ActionList.tsx'
import { MentionsList } from './MentionsList.tsx'
import { ThreadList } from './ThreadList.tsx'
import { useTalk } from './useTalk.ts'

/** The overview's conversation: your mentions, the peer review's state, the actions and every thread. */
export function BoardConversation() {
  const talk = useTalk()
  const [closing, setClosing] = useState<'idle' | 'busy' | 'failed'>('idle')
  return (
    <div className="co-conversation" data-testid="board-conversation">
      <MentionsList />
      {talk.reviewClosed ? (
        <p className="nhsuk-inset-text" data-testid="review-closed">
          The peer review is closed: reviewers can read the assessment but no longer write.
        </p>
      ) : talk.isChair ? (
        <p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            disabled={closing === 'busy'}
            onClick={async () => {
              setClosing('busy')
              try {
                await apiFetch(`/api/assessments/${encodeURIComponent(talk.assessment.id)}/review/close`, {
                  method: 'POST',
                  token: await talk.keeper.token(),
                })
                setClosing('idle')
              } catch {
                setClosing('failed')
              }
            }}
          >
            Close the peer review
          </button>
          {closing === 'failed' ? (
            <span role="alert"> The review could not be closed. Try again.</span>
          ) : null}
        </p>
      ) : null}
      <ActionList />
      <ThreadList areaId={null} />
    </div>
  )
}
