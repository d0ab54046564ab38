import './conversation.css'
import type { FrameworkArea } from '../framework/frameworkTypes.ts'
import { PeerReview } from './PeerReview.tsx'
import { ThreadList } from './ThreadList.tsx'

/** An area's peer review and comment threads, below its checklist. */
export function AreaConversation({ area }: { area: FrameworkArea }) {
  return (
    <div className="co-conversation" data-testid="area-conversation">
      <PeerReview area={area} />
      <ThreadList areaId={area.id} />
    </div>
  )
}
