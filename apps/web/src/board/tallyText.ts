import type { AreaTally, GroupCount, ItemTally } from '@co-assess/board-model'
import { shortGroupLabel } from './groupLabels.ts'

export interface TallyText {
  /**
   * "2 of 3 people think this is in place", or null when nobody has ticked the item: the area's
   * summary (describeAreaTicking) says once what an item with no count means, instead of every item.
   */
  summary: string | null
  /** What a screen reader hears for the item: the summary, or that nobody has ticked it yet. */
  spoken: string
  /** One entry per stakeholder group that ticked in the area: "ICS: 2 of 2". Empty when nobody ticked the item. */
  groups: Array<{ group: string; label: string; text: string }>
  /** Set when groups see it differently: the words say which way each group leans, with honest numbers. */
  disagreement: string | null
}

const NOBODY_YET = 'Nobody has ticked this yet.'

// A person of each default group, one and many, as the room would say it.
const NOUNS: Readonly<Record<string, [string, string]>> = {
  ics: ['ICS person', 'ICS people'],
  vcse: ['VCSE partner', 'VCSE partners'],
  'lived-experience': ['person with lived experience', 'people with lived experience'],
}

function noun(group: string, n: number): string {
  const own = NOUNS[group]
  if (own) return n === 1 ? own[0] : own[1]
  return `${shortGroupLabel(group)} ${n === 1 ? 'person' : 'people'}`
}

/** Whether a group leans "in place" (half or more, as the board model decides disagreement). */
const leansYes = (g: GroupCount) => g.ticked > 0 && g.ticked * 2 >= g.respondents

/** "the one ICS person", "both ICS people", "2 of the 3 VCSE partners": who in a group says it is in place. */
function yesPhrase(g: GroupCount): { text: string; singular: boolean } {
  if (g.respondents === 1) return { text: `the one ${noun(g.group, 1)}`, singular: true }
  if (g.ticked === g.respondents)
    return {
      text: `${g.respondents === 2 ? 'both' : `all ${g.respondents}`} ${noun(g.group, 2)}`,
      singular: false,
    }
  return { text: `${g.ticked} of the ${g.respondents} ${noun(g.group, 2)}`, singular: g.ticked === 1 }
}

/** "the one VCSE partner does not", "neither ICS person does", "only 1 of the 3 ICS people does". */
function noPhrase(g: GroupCount): string {
  if (g.respondents === 1) return `the one ${noun(g.group, 1)} does not`
  if (g.ticked === 0)
    return g.respondents === 2
      ? `neither ${noun(g.group, 1)} does`
      : `none of the ${g.respondents} ${noun(g.group, 2)} do`
  return `only ${g.ticked} of the ${g.respondents} ${noun(g.group, 2)} ${g.ticked === 1 ? 'does' : 'do'}`
}

/** Words for an item's live count, so the count never relies on a colour or a bar to be understood. */
export function describeTally(tally: ItemTally | undefined): TallyText {
  if (!tally || tally.ticked === 0)
    return { summary: null, spoken: NOBODY_YET, groups: [], disagreement: null }
  const groups = tally.byGroup.map((g) => ({
    group: g.group,
    label: shortGroupLabel(g.group),
    text: `${g.ticked} of ${g.respondents}`,
  }))
  const summary =
    tally.respondents === 1
      ? 'The one person who has ticked in this area thinks this is in place'
      : `${tally.ticked} of ${tally.respondents} people think this is in place`
  if (!tally.disagreement) return { summary, spoken: summary, groups, disagreement: null }
  // The board model puts a group split exactly in half on the "in place" side, so the words give the
  // numbers ("1 of the 2 ICS people") rather than "most", which a group of one or a split group is not.
  const yes = tally.byGroup.filter(leansYes).map(yesPhrase)
  const no = tally.byGroup.filter((g) => !leansYes(g)).map(noPhrase)
  const says = yes.length === 1 && yes[0]!.singular ? 'says' : 'say'
  const sayers = yes.map((p) => p.text).join(' and ')
  return {
    summary,
    spoken: summary,
    groups,
    disagreement: `Groups disagree: ${sayers} ${says} it is in place; ${no.join('; ')}.`,
  }
}

/**
 * Said once above the checklist, instead of under every item: how many people have ticked in the
 * area, and what an item with no count means.
 */
export function describeAreaTicking(tally: Pick<AreaTally, 'respondents'> | undefined): string {
  const n = tally?.respondents ?? 0
  if (n === 0) return 'Nobody has ticked in this area yet.'
  const who = n === 1 ? '1 person has' : `${n} people have`
  return `${who} ticked in this area so far. Under each item you can see how many of them think it is in place, by group. Items with no count under them have not been ticked by anyone.`
}
