import { type ItemTally, recordedMark } from '@co-assess/board-model'
import { useBoardContext } from '../BoardContext.tsx'
import { enteredByName } from './RecordedMark.tsx'
import { useRecordedParticipants } from './useRecordedParticipants.ts'

/**
 * Under an item's count: how many of its ticks a chair entered for people who took part on paper or
 * by phone, and who entered them. Never who those people are: the live board shows counts, not who
 * ticked what.
 */
export function RecordedInTally({ tally }: { tally: ItemTally | undefined }) {
  const recorded = useRecordedParticipants()
  const { view, person } = useBoardContext()
  if (!tally || recorded.size === 0) return null
  const records = tally.tickedBy.flatMap((id) => {
    const record = recorded.get(id)
    return record ? [record] : []
  })
  if (records.length === 0) return null
  const n = records.length
  const first = records[0]!
  const alike = records.every((r) => r.how === first.how && r.enteredBy === first.enteredBy)
  const how = alike
    ? recordedMark(first, enteredByName(view.people, first.enteredBy, person.id))
    : 'recorded by a chair from paper or a phone call'
  return (
    <span className="co-recorded-mark co-tally__recorded" data-testid="tally-recorded">
      {n === 1 ? '1 of these ticks was' : `${n} of these ticks were`} {how}.
    </span>
  )
}
