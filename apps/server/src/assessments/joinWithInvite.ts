import { type Person, type StakeholderGroup, upsertPerson } from '@co-assess/board-model'
import type { MetadataStore, ParticipantRecord } from '@co-assess/storage'
import type { Hocuspocus } from '@hocuspocus/server'
import { nanoid } from 'nanoid'
import { hashSecret } from '../auth/hashSecret.ts'
import type { Claims, TokenService } from '../auth/tokens.ts'
import { gone, notFound } from '../http/httpError.ts'
import { serverWrite } from '../sync/serverWrite.ts'
import { groupChoices } from './assessmentGroups.ts'
import { joiningGroup } from './joiningGroup.ts'
import { personColour } from './personColour.ts'

export async function findLiveInvite(metadata: MetadataStore, token: string) {
  const invite = await metadata.findInviteByTokenHash(hashSecret(token))
  if (!invite)
    throw notFound(
      'This invite link is not known. Check you copied the whole link, or ask the chair for a new one.',
    )
  if (invite.revokedAt)
    throw gone('This invite link has been withdrawn by the chair. Ask them for a new one.')
  if (Date.parse(invite.expiresAt) <= Date.now())
    throw gone('This invite link has expired. Ask the chair for a new one.')
  return invite
}

/**
 * Joining records the person, adds them to the board's people (so their ticks can be counted by
 * group) and returns a short-lived token plus a refresh token for coming back on the same device.
 */
export async function joinWithInvite(
  deps: {
    metadata: MetadataStore
    hocuspocus: Hocuspocus
    tokens: TokenService
    flush: (name: string) => Promise<void>
  },
  token: string,
  input: { displayName: string; organisation: string; group?: StakeholderGroup | null | undefined },
) {
  const invite = await findLiveInvite(deps.metadata, token)
  const assessment = await deps.metadata.getAssessment(invite.assessmentId)
  if (!assessment) throw notFound('The assessment for this invite no longer exists.')
  const group = joiningGroup(groupChoices(invite, assessment), input.group)
  const existing = await deps.metadata.listParticipants(invite.assessmentId)
  const participant: ParticipantRecord = {
    id: nanoid(16),
    assessmentId: invite.assessmentId,
    inviteId: invite.id,
    role: invite.role,
    displayName: input.displayName,
    organisation: input.organisation,
    group,
    joinedAt: new Date().toISOString(),
  }
  const person: Person = {
    id: participant.id,
    name: participant.displayName,
    organisation: participant.organisation,
    group,
    role: invite.role,
    colour: personColour(existing.length),
    joinedAt: Date.now(),
  }
  await serverWrite(deps.hocuspocus, invite.assessmentId, (doc) => upsertPerson(doc, person))
  await deps.flush(invite.assessmentId)
  await deps.metadata.addParticipant(participant)
  const claims: Claims = {
    personId: person.id,
    assessmentId: invite.assessmentId,
    inviteId: invite.id,
    role: invite.role,
    name: person.name,
    group,
    colour: person.colour,
  }
  const access = await deps.tokens.issue(claims, 'access')
  const refresh = await deps.tokens.issue(claims, 'refresh')
  return {
    token: access.token,
    expiresAt: access.expiresAt,
    refreshToken: refresh.token,
    person: {
      id: person.id,
      name: person.name,
      organisation: person.organisation,
      group,
      role: person.role,
      colour: person.colour,
    },
    assessmentId: invite.assessmentId,
  }
}
