import { type RecordedParticipant, recordedMark } from '@co-assess/board-model'

/**
 * Words under an item's count for the ticks a chair entered from paper or a phone call: how many, and
 * who entered them and how when that is the same for all ("1 of these ticks was recorded by Sam Patel
 * from paper."); null when none was. Never whose ticks they are: the live board shows counts.
 */
export function recordedTallyText(
  tickedBy: readonly string[],
  recorded: ReadonlyMap<string, Pick<RecordedParticipant, 'how' | 'enteredBy'>>,
  nameOf: (personId: string) => string,
): string | null {
  const records = tickedBy.flatMap((id) => {
    const record = recorded.get(id)
    return record ? [record] : []
  })
  const first = records[0]
  if (!first) return null
  const sameHow = records.every((r) => r.how === first.how)
  const alike = sameHow && records.every((r) => r.enteredBy === first.enteredBy)
  const from = !sameHow ? 'paper or a phone call' : first.how === 'paper' ? 'paper' : 'phone calls'
  const how = alike ? recordedMark(first, nameOf(first.enteredBy)) : `recorded by a chair from ${from}`
  return `${records.length === 1 ? '1 of these ticks was' : `${records.length} of these ticks were`} ${how}.`
}
