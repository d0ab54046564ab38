import { readPeople } from '@co-assess/board-model'
import type { StaffRecord } from '@co-assess/storage'
import { createInvite } from '../assessments/createInvite.ts'
import { joinWithInvite } from '../assessments/joinWithInvite.ts'
import type { Claims } from '../auth/tokens.ts'
import type { AppDeps } from '../http/appDeps.ts'

/**
 * A signed-in lead becomes an assessment's chair without joining again. The first time, the server
 * makes a one-day chair invite in their name and joins them with it at once, as a facilitating chair
 * with no group, so the board knows them like any chair and a chair can withdraw it like any invite.
 * After that they come back as the same person on the board (their ticks and notes stay theirs), not
 * as one more "Aisha Khan" each time they open it.
 */
export async function chairSession(
  deps: AppDeps,
  assessmentId: string,
  who: StaffRecord,
  organisationName: string,
) {
  const metadata = deps.storage.metadata
  const createdBy = `staff:${who.id}`
  const theirs = new Map(
    (await metadata.listInvites(assessmentId))
      .filter((i) => i.createdBy === createdBy && i.role === 'chair' && !i.revokedAt)
      .map((i) => [i.id, i]),
  )
  const before = (await metadata.listParticipants(assessmentId)).findLast((p) => theirs.has(p.inviteId))
  if (before) {
    const connection = await deps.hocuspocus.openDirectConnection(assessmentId)
    let colour: string | undefined
    try {
      colour = readPeople(connection.document!).get(before.id)?.colour
    } finally {
      await connection.disconnect()
    }
    if (colour) {
      const claims: Claims = {
        personId: before.id,
        assessmentId,
        inviteId: before.inviteId,
        role: 'chair',
        name: before.displayName,
        group: null,
        colour,
      }
      const access = await deps.tokens.issue(claims, 'access')
      const refresh = await deps.tokens.issue(claims, 'refresh')
      return {
        token: access.token,
        expiresAt: access.expiresAt,
        refreshToken: refresh.token,
        person: {
          id: before.id,
          name: before.displayName,
          organisation: before.organisation,
          group: null,
          role: 'chair' as const,
          colour,
        },
        assessmentId,
      }
    }
  }
  const invite = await createInvite(metadata, {
    assessmentId,
    role: 'chair',
    expiresInDays: 1,
    createdBy,
    groups: [],
  })
  return joinWithInvite(
    { metadata, hocuspocus: deps.hocuspocus, tokens: deps.tokens, flush: deps.flush },
    invite.token,
    { displayName: who.name, organisation: organisationName || 'Staff', group: null },
  )
}
