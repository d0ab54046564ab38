import type { GroupDef, StakeholderGroup } from '@co-assess/board-model'
import { badRequest } from '../http/httpError.ts'

/**
 * The group a person joins under, from the choices their invite offers (groupChoices). No choices
 * means no group (observers, peer reviewers, a facilitating chair): whatever was sent is ignored,
 * so an older page that still sends a group does not put an observer in a tally. One choice fixes
 * the group. Otherwise the person must name one of the choices; anything else, "peer-reviewer"
 * included, is refused with the choices listed.
 */
export function joiningGroup(
  choices: readonly GroupDef[],
  asked: StakeholderGroup | null | undefined,
): StakeholderGroup | null {
  if (choices.length === 0) return null
  if (asked == null && choices.length === 1) return choices[0]!.id
  const found = choices.find((g) => g.id === asked)
  if (found) return found.id
  throw badRequest(
    `In the request body, "group": choose the group you are here for: ${choices
      .map((g) => `${g.id} (${g.label})`)
      .join(', ')}.`,
  )
}
