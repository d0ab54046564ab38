import type { Person } from '../../records/person.ts'

/**
 * The people with the changed keys read again from `source` (the board's people map). Gives `people`
 * itself if none of them changed, else a copy; `touched` names whoever joined, left or changed, whose
 * areas are then counted again (a change of group moves their ticks between groups).
 */
export function applyPeopleChanges(
  people: Map<string, Person>,
  keys: Iterable<string>,
  source: { get(key: string): Person | undefined },
): { people: Map<string, Person>; touched: Set<string> } {
  const touched = new Set<string>()
  let next = people
  for (const key of keys) {
    const now = source.get(key)
    if (now === next.get(key)) continue
    if (next === people) next = new Map(people)
    if (now === undefined) next.delete(key)
    else next.set(key, now)
    touched.add(key)
  }
  return { people: next, touched }
}
