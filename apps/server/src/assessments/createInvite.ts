import type { Role } from '@co-assess/board-model'
import type { InviteRecord, MetadataStore } from '@co-assess/storage'
import { nanoid } from 'nanoid'
import { hashSecret } from '../auth/hashSecret.ts'

export interface IssuedInvite {
  id: string
  token: string
  path: string
  role: Role
  expiresAt: string
  groups?: string[]
}

/** An invite link: the token is unguessable (nanoid, 32 characters) and kept only as a hash. */
export async function createInvite(
  metadata: MetadataStore,
  input: {
    assessmentId: string
    role: Role
    expiresInDays: number
    createdBy: string | null
    /** The groups the invite offers (one fixes it; none: no group); absent: any of the assessment's. */
    groups?: string[] | undefined
  },
): Promise<IssuedInvite> {
  const token = nanoid(32)
  const now = Date.now()
  const record: InviteRecord = {
    id: nanoid(16),
    assessmentId: input.assessmentId,
    role: input.role,
    tokenHash: hashSecret(token),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + input.expiresInDays * 86_400_000).toISOString(),
    revokedAt: null,
    createdBy: input.createdBy,
    ...(input.groups === undefined ? {} : { groups: input.groups }),
  }
  await metadata.createInvite(record)
  return {
    id: record.id,
    token,
    path: `/join/${token}`,
    role: record.role,
    expiresAt: record.expiresAt,
    ...(record.groups === undefined ? {} : { groups: record.groups }),
  }
}

export function publicInvite(record: InviteRecord) {
  const { tokenHash: _hidden, ...rest } = record
  return rest
}
