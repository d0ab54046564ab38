import type { Role } from '@co-assess/board-model'
import type { MetadataStore } from '@co-assess/storage'
import { badRequest, notFound } from '../http/httpError.ts'
import { groupsOf, rolesWithoutGroup } from './assessmentGroups.ts'

/**
 * The groups an invite will offer, checked against the assessment's. Observers and peer reviewers
 * have no group, so they may not be given one; an empty list is only for a chair (facilitating).
 */
export async function inviteGroups(
  metadata: MetadataStore,
  assessmentId: string,
  role: Role,
  asked: string[] | undefined,
): Promise<string[] | undefined> {
  if (asked === undefined) return undefined
  if (rolesWithoutGroup.has(role)) {
    if (asked.length === 0) return undefined
    throw badRequest(`In the request body, "groups": ${role}s have no group, so leave "groups" out.`)
  }
  if (asked.length === 0 && role !== 'chair')
    throw badRequest('In the request body, "groups": a participant needs at least one group to join under.')
  const assessment = await metadata.getAssessment(assessmentId)
  if (!assessment) throw notFound('That assessment does not exist.')
  const known = groupsOf(assessment)
  const unknown = asked.filter((id) => !known.some((g) => g.id === id))
  if (unknown.length > 0)
    throw badRequest(
      `In the request body, "groups": ${unknown.join(', ')} is not one of this assessment's groups (${known
        .map((g) => g.id)
        .join(', ')}).`,
    )
  return [...new Set(asked)]
}
