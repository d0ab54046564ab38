import type { ItemTally } from '@co-assess/board-model'
import { useBoardContext } from '../BoardContext.tsx'
import { enteredByName } from './RecordedMark.tsx'
import { recordedTallyText } from './recordedTallyText.ts'

/** Under an item's count: how many of its ticks a chair entered from paper or a phone call, and who (recordedTallyText.ts). */
export function RecordedInTally({ tally }: { tally: ItemTally | undefined }) {
  const { view, person } = useBoardContext()
  const { recorded } = view
  if (!tally || recorded.size === 0) return null
  const text = recordedTallyText(tally.tickedBy, recorded, (id) => enteredByName(view.people, id, person.id))
  if (!text) return null
  return (
    <span className="co-recorded-mark co-tally__recorded" data-testid="tally-recorded">
      {text}
    </span>
  )
}
