import type { ItemTally } from '@co-assess/board-model'
import { shortGroupLabel } from './groupLabels.ts'

export interface TallyText {
  /** "3 of 5 people think this is in place" */
  summary: string
  /** One entry per stakeholder group that ticked in the area: "ICS: 2 of 2". */
  groups: Array<{ group: string; label: string; text: string }>
  /** Set when groups see it differently: the words say which way each group leans. */
  disagreement: string | null
}

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`)

/** Words for an item's live count, so the count never relies on a colour or a bar to be understood. */
export function describeTally(tally: ItemTally | undefined): TallyText {
  if (!tally || tally.respondents === 0) {
    return { summary: 'Nobody has ticked in this area yet', groups: [], disagreement: null }
  }
  const groups = tally.byGroup.map((g) => ({
    group: g.group,
    label: shortGroupLabel(g.group),
    text: `${g.ticked} of ${g.respondents}`,
  }))
  const thinks = tally.respondents === 1 ? 'thinks' : 'think'
  const summary =
    tally.ticked === 0
      ? `None of the ${people(tally.respondents)} who ticked in this area ticked this`
      : `${tally.ticked} of ${people(tally.respondents)} ${thinks} this is in place`
  if (!tally.disagreement) return { summary, groups, disagreement: null }
  // The board model puts a group split exactly in half on the "in place" side; the words must not
  // call that "most", or a 1-of-2 group reads as if it had made up its mind.
  const yes = tally.byGroup.filter((g) => g.ticked > 0 && g.ticked * 2 >= g.respondents)
  const no = tally.byGroup.filter((g) => !(g.ticked > 0 && g.ticked * 2 >= g.respondents))
  const names = (list: typeof yes) => list.map((g) => shortGroupLabel(g.group)).join(' and ')
  const most = yes.filter((g) => g.ticked * 2 > g.respondents)
  const half = yes.filter((g) => g.ticked * 2 === g.respondents)
  const inPlace = [most.length ? `most ${names(most)}` : '', half.length ? `half of ${names(half)}` : '']
    .filter(Boolean)
    .join(' and ')
  return {
    summary,
    groups,
    disagreement: `Groups disagree: ${inPlace} say it is in place; most ${names(no)} do not.`,
  }
}
