import { hasGroup } from '../groups.ts'
import type { Role } from '../roles.ts'
import type { Person } from '../values.ts'

// Observers read along and peer reviewers come from another ICS: neither speaks for a stakeholder
// group in the room, so neither is counted in a group's tally nor in "who took part", whatever
// group their person record holds (older boards let observers pick one).
const TAKING_PART_ROLES: ReadonlySet<Role> = new Set<Role>(['chair', 'participant'])

/** Whether this person's ticks and presence count towards tallies and "who took part". */
export function takesPart(person: Person): boolean {
  // A chair with no group facilitates: they run the session but do not speak for anyone.
  return TAKING_PART_ROLES.has(person.role) && hasGroup(person.group)
}

const normalise = (text: string) =>
  text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB')
const keys = new WeakMap<Person, string>()

/**
 * Who a person record is, for counting. Joining again from a second device makes a second record
 * (there is no account to tie them), so records with the same role, name, organisation and group
 * count as one person. Two different people typing exactly the same name and organisation for the
 * same group would count once: an undercount we accept over counting the chair's laptop and the
 * projector as two voices.
 */
export function identityOf(person: Person): string {
  let key = keys.get(person)
  if (key === undefined) {
    key = [person.role, normalise(person.name), normalise(person.organisation), person.group].join('\u0000')
    keys.set(person, key)
  }
  return key
}

/** The people who took part, one record per person however many devices they joined from (the first to join). */
export function peopleTakingPart(people: ReadonlyMap<string, Person>): Person[] {
  const seen = new Map<string, Person>()
  for (const person of people.values()) {
    if (!takesPart(person)) continue
    const key = identityOf(person)
    const first = seen.get(key)
    if (!first || person.joinedAt < first.joinedAt) seen.set(key, person)
  }
  return [...seen.values()]
}

/** How many people these person records are (a session's attendance lists each device that connected). */
export function countPeople(personIds: Iterable<string>, people: ReadonlyMap<string, Person>): number {
  const seen = new Set<string>()
  for (const id of personIds) {
    const person = people.get(id)
    seen.add(person ? identityOf(person) : `unknown\u0000${id}`)
  }
  return seen.size
}
