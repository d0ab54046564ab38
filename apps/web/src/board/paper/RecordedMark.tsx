import { type Person, recordedMark } from '@co-assess/board-model'
import { useBoardContext } from '../BoardContext.tsx'

/** The chair's name as the board knows it, for "recorded by …"; "a chair" if they have left. */
export function enteredByName(
  people: ReadonlyMap<string, Person>,
  enteredBy: string,
  selfId: string,
): string {
  if (enteredBy === selfId) return 'you'
  return people.get(enteredBy)?.name ?? 'a chair'
}

/**
 * "recorded by Sam Patel from paper", beside anything a chair entered for someone who took part on
 * paper or by phone; nothing for anyone else.
 */
export function RecordedMark({ personId, prefix = ' · ' }: { personId: string; prefix?: string }) {
  const { view, person } = useBoardContext()
  const record = view.recorded.get(personId)
  if (!record) return null
  return (
    <span className="co-recorded-mark" data-testid="recorded-mark">
      {prefix}
      {recordedMark(record, enteredByName(view.people, record.enteredBy, person.id))}
    </span>
  )
}
