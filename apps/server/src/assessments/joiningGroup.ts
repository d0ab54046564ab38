import {
  PARTICIPANT_GROUPS,
  type Role,
  type StakeholderGroup,
  stakeholderGroupLabels,
} from '@co-assess/board-model'
import { badRequest } from '../http/httpError.ts'

/**
 * The group a person joins under. A peer reviewer is not a group in the room, so their record always
 * says so whatever was sent; everyone else must name one of the stakeholder groups, never
 * "peer-reviewer" (a participant link once accepted it, and their ticks counted as a review).
 * Observers still say which group they come from, for the board's labels; takesPart keeps them out
 * of every count.
 */
export function joiningGroup(role: Role, asked: StakeholderGroup | undefined): StakeholderGroup {
  if (role === 'peer-reviewer') return 'peer-reviewer'
  const allowed: readonly StakeholderGroup[] = PARTICIPANT_GROUPS
  if (asked !== undefined && allowed.includes(asked)) return asked
  throw badRequest(
    `In the request body, "group": choose the group you are here for: ${PARTICIPANT_GROUPS.map(
      (g) => `${g} (${stakeholderGroupLabels[g]})`,
    ).join(', ')}.`,
  )
}
