import './conversation.css'
import { ActionList } from './ActionList.tsx'
import { MentionsList } from './MentionsList.tsx'
import { PeerReviewState } from './PeerReviewState.tsx'
import { ThreadList } from './ThreadList.tsx'

/** The overview's conversation: your mentions, the peer review's state, the actions and every thread. */
export function BoardConversation() {
  return (
    <div className="co-conversation" data-testid="board-conversation">
      <MentionsList />
      <PeerReviewState />
      <ActionList />
      <ThreadList areaId={null} />
    </div>
  )
}
