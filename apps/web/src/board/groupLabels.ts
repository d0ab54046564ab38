import type { StakeholderGroup } from '@co-assess/board-model'

/** Short names for counts beside each item; the model's `stakeholderGroupLabels` are the full names. */
export const shortGroupLabels: Record<StakeholderGroup, string> = {
  ics: 'ICS',
  vcse: 'VCSE',
  'lived-experience': 'Lived experience',
  'peer-reviewer': 'Peer reviewers',
}
