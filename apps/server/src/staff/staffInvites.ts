import type { MetadataStore, StaffInviteRecord, StaffRecord, StaffRole } from '@co-assess/storage'
import { ConflictError } from '@co-assess/storage'
import { nanoid } from 'nanoid'
import { hashSecret } from '../auth/hashSecret.ts'
import { conflict, gone, notFound } from '../http/httpError.ts'

export const STAFF_INVITE_DAYS = 14

/** Makes a one-use link that makes someone staff of an organisation; only the token's hash is kept. */
export async function createStaffInvite(
  metadata: MetadataStore,
  input: { organisationId: string; role: StaffRole; createdBy: string | null; days?: number },
): Promise<{ token: string; invite: StaffInviteRecord }> {
  const token = nanoid(32)
  const now = Date.now()
  const invite: StaffInviteRecord = {
    id: nanoid(16),
    organisationId: input.organisationId,
    role: input.role,
    tokenHash: hashSecret(token),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + (input.days ?? STAFF_INVITE_DAYS) * 86_400_000).toISOString(),
    usedAt: null,
    createdBy: input.createdBy,
  }
  await metadata.createStaffInvite(invite)
  return { token, invite }
}

export async function findLiveStaffInvite(
  metadata: MetadataStore,
  token: string,
): Promise<StaffInviteRecord> {
  const invite = await metadata.findStaffInviteByTokenHash(hashSecret(token))
  if (!invite) throw notFound('This staff link is not known. Check you copied the whole link.')
  if (invite.usedAt) throw gone('This staff link has been used. Ask your administrator for a new one.')
  if (Date.parse(invite.expiresAt) <= Date.now())
    throw gone('This staff link has expired. Ask your administrator for a new one.')
  return invite
}

/** Uses a live staff invite to make one member of staff, with their provider identity if they signed in with one. */
export async function acceptStaffInvite(
  metadata: MetadataStore,
  token: string,
  person: { name: string; identity: StaffRecord['identity'] },
): Promise<StaffRecord> {
  const invite = await findLiveStaffInvite(metadata, token)
  const staff: StaffRecord = {
    id: nanoid(16),
    organisationId: invite.organisationId,
    name: person.name,
    role: invite.role,
    identity: person.identity,
    createdAt: new Date().toISOString(),
  }
  try {
    await metadata.acceptStaffInvite(invite.id, staff)
  } catch (error) {
    if (error instanceof ConflictError)
      throw conflict('This staff link has just been used, or you are already staff: sign in instead.')
    throw error
  }
  return staff
}
