import { type GroupVoice, type Person, shareOf, type VoiceBalance } from '@co-assess/board-model'
import { shortGroupLabel } from '../groupLabels.ts'

/** "5 (42%)": a count and its share of the whole, or the count alone when there is nothing to share. */
export function countWithShare(part: number, total: number): string {
  const share = shareOf(part, total)
  return share === null || part === 0 ? String(part) : `${part} (${share}%)`
}

export interface VoiceRow {
  group: string
  label: string
  people: string
  ticks: string
  comments: string
  actions: string
}

/** The voice balance as table rows, each cell a count with its share of the board's total. */
export function voiceRows(balance: VoiceBalance): VoiceRow[] {
  const cell = (g: GroupVoice, measure: 'people' | 'ticks' | 'comments' | 'actions') =>
    countWithShare(g[measure], balance.totals[measure])
  return balance.groups.map((g) => ({
    group: g.group,
    label: shortGroupLabel(g.group),
    people: cell(g, 'people'),
    ticks: cell(g, 'ticks'),
    comments: cell(g, 'comments'),
    actions: cell(g, 'actions'),
  }))
}

/**
 * What the chair reads about who has ticked the area in view. In a blind or anonymous round only the
 * number is known (the server counts private ticks), so it never names anyone.
 */
export function tickingText(input: {
  mode: 'open' | 'blind' | 'anonymous'
  /** People who have ticked; null while the server has not counted a blind round yet. */
  ticked: number | null
  expected: number
  notYet: readonly Person[]
}): { count: string; names: string | null } {
  const { mode, ticked, notYet } = input
  if (ticked === null) return { count: 'Waiting for the server’s count of who has ticked…', names: null }
  // Someone who ticked and then left the room still counts: the whole is never smaller than the part.
  const expected = Math.max(input.expected, ticked)
  if (mode === 'blind')
    return {
      count: `${ticked} of ${expected} have ticked. This is a blind round, so you see only how many, not who or what.`,
      names: null,
    }
  if (mode === 'anonymous')
    return {
      count: `${ticked} of ${expected} have ticked. This is an anonymous round, so who ticked stays private.`,
      names: null,
    }
  if (expected === 0) return { count: 'Nobody taking part is here yet.', names: null }
  if (notYet.length === 0) return { count: `All ${expected} people here have ticked this area.`, names: null }
  return {
    count: `${ticked} of ${expected} people here have ticked this area.`,
    names: `Not ticked yet: ${notYet.map((p) => `${p.name} (${shortGroupLabel(p.group)})`).join(', ')}.`,
  }
}
