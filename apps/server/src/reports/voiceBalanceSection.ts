import {
  type GroupDef,
  groupLabel,
  type Person,
  readActions,
  readLive,
  readModeration,
  readThreads,
  shareOf,
  ticksByArea,
  voiceBalance,
} from '@co-assess/board-model'
import type * as Y from 'yjs'
import { redactionFor } from './redaction.ts'
import type { ShownCount } from './smallNumbers.ts'

export const VOICE_BALANCE_TITLE = 'Voice balance: whose voice was heard'

export interface VoiceCell {
  count: ShownCount
  /** Whole-number percentage of the board's total; null when it would let a withheld count be worked out. */
  share: number | null
}

export interface VoiceBalanceSection {
  /** Counts of a group with fewer people than this are withheld (0: every count exact, the named record). */
  threshold: number
  rows: Array<{
    group: string
    label: string
    people: VoiceCell
    ticks: VoiceCell
    comments: VoiceCell
    actions: VoiceCell
  }>
  totals: { people: ShownCount; ticks: ShownCount; comments: ShownCount; actions: ShownCount }
}

const MEASURES = ['ticks', 'comments', 'actions'] as const

/**
 * Each group's share of the board's ticks, comments and actions raised, for the chair's report.
 *
 * The section is a summary that gets copied into board papers, so it follows the assessment's
 * small-number threshold in every copy, the chair's included (redactionFor with `travels`): a group
 * with fewer people than the threshold has its people counted as "fewer than 3" and its ticks,
 * comments and actions withheld, and then the totals and every share are withheld too, since either
 * would let the withheld part be worked out. Only the chair's named record (names shown, which
 * already lists who ticked each item) keeps every count exact.
 */
export function voiceBalanceSection(
  doc: Y.Doc,
  people: ReadonlyMap<string, Person>,
  groups: readonly GroupDef[],
  options: { names: boolean; threshold?: number },
): VoiceBalanceSection {
  const redact = redactionFor('chair', {
    people: people.values(),
    groups,
    names: options.names,
    travels: true,
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
  })
  const balance = voiceBalance({
    people,
    ticks: ticksByArea(doc).values(),
    comments: readThreads(doc).flatMap((t) => t.comments),
    moderation: readModeration(doc),
    actions: readActions(doc),
    anonymousCounts: readLive(doc).anonymousCounts.values(),
    groupOrder: groups.map((g) => g.id),
  })
  const people_ = redact.totalAndParts(
    balance.totals.people,
    balance.groups.map((g) => g.people),
  )
  const withheld = people_.parts.some((p) => typeof p !== 'number')
  const cell = (part: number, total: number, shownPeople: ShownCount): VoiceCell =>
    typeof shownPeople !== 'number'
      ? { count: 'not shown', share: null }
      : { count: part, share: withheld ? null : shareOf(part, total) }
  return {
    threshold: redact.disclosure.names ? 0 : redact.threshold,
    rows: balance.groups.map((g, i) => {
      const shown = people_.parts[i]!
      return {
        group: g.group,
        label: groupLabel(groups, g.group),
        people: { count: shown, share: withheld ? null : shareOf(g.people, balance.totals.people) },
        ticks: cell(g.ticks, balance.totals.ticks, shown),
        comments: cell(g.comments, balance.totals.comments, shown),
        actions: cell(g.actions, balance.totals.actions, shown),
      }
    }),
    totals: {
      people: people_.total,
      ...(Object.fromEntries(MEASURES.map((m) => [m, withheld ? 'not shown' : balance.totals[m]])) as Record<
        (typeof MEASURES)[number],
        ShownCount
      >),
    },
  }
}

/** "5 (42%)", "fewer than 3", "not shown": a cell as every format prints it. */
export function voiceCellText(cell: VoiceCell): string {
  return cell.share === null || cell.count === 0 ? String(cell.count) : `${cell.count} (${cell.share}%)`
}

/** The section's words and table, once for every format (page, Word, Markdown). */
export function voiceBalanceBlocks(section: VoiceBalanceSection): {
  paragraphs: string[]
  table: { caption: string; header: string[]; rows: string[][] }
} {
  const who =
    'Each group’s share of the ticks, comments and actions raised on this board, beside its share of the people taking part. Each person counts once, in their group; observers, peer reviewers and a chair with no group are not counted.'
  const small =
    section.threshold > 0
      ? `Only the chair’s copy has this section. A group with fewer than ${section.threshold} people shows no counts, and then the totals and shares are not shown either, so no one person’s part can be worked out.`
      : 'Only the chair’s named record has every count exact.'
  return {
    paragraphs: [who, small],
    table: {
      caption: 'Voice balance by group',
      header: ['Group', 'People', 'Ticks', 'Comments', 'Actions raised'],
      rows: [
        ...section.rows.map((r) => [
          r.label,
          voiceCellText(r.people),
          voiceCellText(r.ticks),
          voiceCellText(r.comments),
          voiceCellText(r.actions),
        ]),
        [
          'Everyone',
          String(section.totals.people),
          String(section.totals.ticks),
          String(section.totals.comments),
          String(section.totals.actions),
        ],
      ],
    },
  }
}
