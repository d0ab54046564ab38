import { DEFAULT_GROUPS, type GroupDef, hasGroup } from '@co-assess/board-model'

/** Short names for counts beside each item, for the default groups; the model's labels are the full names. */
const SHORT: Readonly<Record<string, string>> = {
  ics: 'ICS',
  vcse: 'VCSE',
  'lived-experience': 'Lived experience',
  'peer-reviewer': 'Peer reviewers',
}

// The open board's own groups (readBoardView keeps this up to date), so a group the chair added
// ("Healthwatch") is named as they named it without threading the list through every component.
let boardGroups: readonly GroupDef[] = DEFAULT_GROUPS

export function rememberBoardGroups(groups: readonly GroupDef[]): void {
  boardGroups = groups
}

/** A group's short name: the chair's name for an added group, a short one for the defaults. */
export function shortGroupLabel(group: string | null | undefined): string {
  if (group === 'peer-reviewer') return 'Peer reviewers'
  if (!hasGroup(group)) return 'No group'
  const own = boardGroups.find((g) => g.id === group)
  const isDefault = DEFAULT_GROUPS.some((g) => g.id === group)
  if (own && !(isDefault && own.label === DEFAULT_GROUPS.find((g) => g.id === group)?.label)) return own.label
  return SHORT[group] ?? own?.label ?? group
}

/** Kept for callers that index by id. */
export const shortGroupLabels: Readonly<Record<string, string>> = new Proxy(SHORT, {
  get: (_target, key) => (typeof key === 'string' ? shortGroupLabel(key) : undefined),
})
