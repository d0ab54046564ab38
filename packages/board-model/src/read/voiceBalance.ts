import type { Moderation } from '../records/moderation.ts'
import type { StakeholderGroup } from '../roles.ts'
import type { Action, AnonymousTally, Comment, Person } from '../values.ts'
import { identityOf, peopleTakingPart, takesPart } from './takingPart.ts'
import { areaRespondents } from './tallyArea.ts'
import type { AreaTicks } from './ticksByArea.ts'

/** One group's part in the conversation: how many of them there are and what they have said. */
export interface GroupVoice {
  group: StakeholderGroup
  /** People of this group taking part, one per person however many devices. */
  people: number
  /** Items ticked as in place (a person's latest word on each item). */
  ticks: number
  /** Comments written, anonymous ones included (they carry their group); deleted and hidden ones not. */
  comments: number
  /** Actions proposed on this board (carried-forward ones were raised on an earlier one). */
  actions: number
}

export type VoiceMeasure = 'ticks' | 'comments' | 'actions'

export interface VoiceBalance {
  groups: GroupVoice[]
  totals: Record<VoiceMeasure | 'people', number>
}

/**
 * Each group's share of ticks, comments and actions raised, counted with the board's own rules
 * (takesPart, identityOf): a person counts in their group, observers, peer reviewers and a
 * facilitating chair in none, and one person on two devices once. Anonymous rounds add their counts,
 * which are by group already. A comment the chair has hidden counts for nobody. Groups appear in
 * `groupOrder`, any other after; a group with nobody and nothing said is left out.
 */
export function voiceBalance(input: {
  people: ReadonlyMap<string, Person>
  /** Every area's ticks (ticksByArea). */
  ticks: Iterable<AreaTicks>
  comments: Iterable<Comment>
  /**
   * The chair's moderation records by comment id (readModeration). Required, so no caller can
   * forget it: a hidden comment keeps its author and group on the board with its words removed.
   */
  moderation: ReadonlyMap<string, Pick<Moderation, 'hidden'>>
  actions: Iterable<Action>
  /** Anonymous rounds' counts (their ticks never reach the board). */
  anonymousCounts?: Iterable<AnonymousTally>
  groupOrder?: readonly StakeholderGroup[]
}): VoiceBalance {
  const byGroup = new Map<StakeholderGroup, GroupVoice>()
  const entry = (group: StakeholderGroup) => {
    let voice = byGroup.get(group)
    if (!voice) {
      voice = { group, people: 0, ticks: 0, comments: 0, actions: 0 }
      byGroup.set(group, voice)
    }
    return voice
  }
  const groupOf = (personId: string): StakeholderGroup | null => {
    const person = input.people.get(personId)
    // takesPart means the person has a group.
    return person && takesPart(person) ? (person.group as StakeholderGroup) : null
  }

  for (const person of peopleTakingPart(input.people)) entry(person.group as StakeholderGroup).people += 1

  for (const area of input.ticks) {
    for (const perItem of area.values()) {
      // One person on two devices: their latest tick on the item says what they think now.
      const latest = new Map<string, { group: StakeholderGroup; ticked: boolean; at: number }>()
      for (const [personId, tick] of perItem) {
        const person = input.people.get(personId)
        const group = groupOf(personId)
        if (!person || !group) continue
        const who = identityOf(person)
        const seen = latest.get(who)
        if (!seen || tick.at > seen.at) latest.set(who, { group, ticked: tick.ticked, at: tick.at })
      }
      for (const { group, ticked } of latest.values()) if (ticked) entry(group).ticks += 1
    }
  }
  for (const counts of input.anonymousCounts ?? [])
    for (const perGroup of Object.values(counts.items))
      for (const [group, n] of Object.entries(perGroup)) entry(group).ticks += n

  for (const comment of input.comments) {
    // Peer reviewers write in their own layer and speak for no group in the room.
    if (comment.deleted || comment.layer !== 'host') continue
    // A comment the chair hid (hurtful or mistaken) is not a voice the group should be credited
    // with: its words are gone from the board, and counting it would let a group's share rest on
    // something the room was told to disregard. Shown again, it counts again.
    if (input.moderation.get(comment.id)?.hidden) continue
    // An anonymous comment's author id is an alias, not a person: it says only its group.
    const group = comment.anonymous ? (comment.group ?? null) : groupOf(comment.authorId)
    if (group) entry(group).comments += 1
  }

  for (const action of input.actions) {
    if (action.carriedFrom !== null) continue
    const group = groupOf(action.proposedBy)
    if (group) entry(group).actions += 1
  }

  const order = input.groupOrder ?? []
  const rank = (g: StakeholderGroup) => {
    const i = order.indexOf(g)
    return i === -1 ? order.length : i
  }
  const groups = [...byGroup.values()].sort((a, b) => rank(a.group) - rank(b.group))
  const sum = (measure: keyof Omit<GroupVoice, 'group'>) => groups.reduce((n, g) => n + g[measure], 0)
  return {
    groups,
    totals: {
      people: sum('people'),
      ticks: sum('ticks'),
      comments: sum('comments'),
      actions: sum('actions'),
    },
  }
}

/** A whole-number percentage of a total, or null when there is nothing to share out. */
export function shareOf(part: number, total: number): number | null {
  return total > 0 ? Math.round((part / total) * 100) : null
}

/**
 * The people expected to tick: those taking part among `among` (the people in the room, as person
 * ids), or everyone taking part on the board when `among` is null. One record per person, the first
 * device they joined from, sorted by name.
 */
export function peopleExpected(
  people: ReadonlyMap<string, Person>,
  among: Iterable<string> | null,
): Person[] {
  let pool: ReadonlyMap<string, Person> = people
  if (among !== null) {
    const picked = new Map<string, Person>()
    for (const id of among) {
      const person = people.get(id)
      if (person) picked.set(id, person)
    }
    pool = picked
  }
  return peopleTakingPart(pool).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
}

/**
 * How far the room has got with one area: who of the people expected has ticked anything in it, and
 * who has not yet (by name: this is for the chair's eyes, on the live board). "Ticked anything"
 * includes taking a tick back, as the tally's respondents do: that person has made up their mind.
 */
export function tickingProgress(
  ticks: AreaTicks | undefined,
  people: ReadonlyMap<string, Person>,
  among: Iterable<string> | null,
): { expected: number; ticked: number; notYet: Person[] } {
  const done = areaRespondents(ticks, people).all
  const expected = peopleExpected(people, among)
  const notYet = expected.filter((p) => !done.has(identityOf(p)))
  return { expected: expected.length, ticked: expected.length - notYet.length, notYet }
}

/**
 * How many people taking part have ticked anything in an area, from ticks nobody else may see (a
 * blind round's private documents). Only the number leaves: not who, not which items.
 */
export function countWhoTicked(ticks: AreaTicks, people: ReadonlyMap<string, Person>): number {
  return areaRespondents(ticks, people).all.size
}
