import type { AreaRespondents } from '../../read/tallyArea.ts'

/** The same number of respondents in all and in every group: enough, with the same people, for items. */
export function sameRespondentCounts(a: AreaRespondents, b: AreaRespondents): boolean {
  if (a.all.size !== b.all.size || a.byGroup.size !== b.byGroup.size) return false
  for (const [group, set] of a.byGroup) if (b.byGroup.get(group)?.size !== set.size) return false
  return true
}
