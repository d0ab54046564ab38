import { DEFAULT_GROUPS, type GroupDef, type Role } from '@co-assess/board-model'
import type { AssessmentRecord, InviteRecord } from '@co-assess/storage'

/** An assessment's groups: its own, or the defaults for a record made before groups were set per assessment. */
export function groupsOf(assessment: Pick<AssessmentRecord, 'groups'>): GroupDef[] {
  return assessment.groups?.length
    ? assessment.groups.map((g) => ({ ...g }))
    : DEFAULT_GROUPS.map((g) => ({ ...g }))
}

/** Roles that speak for no group: they read or review, and are never counted. */
export const rolesWithoutGroup: ReadonlySet<Role> = new Set<Role>(['observer', 'peer-reviewer'])

/**
 * The groups someone joining with this invite may choose from, in the assessment's order. Empty
 * means they join with no group: an observer, a peer reviewer, or a chair invited to facilitate.
 * An invite's groups that the chair has since removed from the assessment no longer count; if none
 * is left, the choice opens to all the assessment's groups rather than to none.
 */
export function groupChoices(
  invite: Pick<InviteRecord, 'role' | 'groups'>,
  assessment: Pick<AssessmentRecord, 'groups'>,
): GroupDef[] {
  if (rolesWithoutGroup.has(invite.role)) return []
  const all = groupsOf(assessment)
  if (invite.groups === undefined) return all
  if (invite.groups.length === 0) return []
  const chosen = all.filter((g) => invite.groups?.includes(g.id))
  return chosen.length > 0 ? chosen : all
}
