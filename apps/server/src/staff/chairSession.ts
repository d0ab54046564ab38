import type { StaffRecord } from '@co-assess/storage'
import { createInvite } from '../assessments/createInvite.ts'
import { joinWithInvite } from '../assessments/joinWithInvite.ts'
import type { AppDeps } from '../http/appDeps.ts'

/**
 * A signed-in lead becomes an assessment's chair without joining again: the server makes a one-day
 * chair invite in their name and joins them with it at once, as a facilitating chair with no group,
 * so the board knows them like any chair and the chair can withdraw it like any invite.
 */
export async function chairSession(
  deps: AppDeps,
  assessmentId: string,
  who: StaffRecord,
  organisationName: string,
) {
  const metadata = deps.storage.metadata
  const invite = await createInvite(metadata, {
    assessmentId,
    role: 'chair',
    expiresInDays: 1,
    createdBy: `staff:${who.id}`,
    groups: [],
  })
  return joinWithInvite(
    { metadata, hocuspocus: deps.hocuspocus, tokens: deps.tokens, flush: deps.flush },
    invite.token,
    { displayName: who.name, organisation: organisationName || 'Staff', group: null },
  )
}
