import { createHmac, randomBytes } from 'node:crypto'
import { type Role, roleSchema, type StakeholderGroup, stakeholderGroupSchema } from '@co-assess/board-model'
import type { MetadataStore } from '@co-assess/storage'
import { errors, jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'

export const ACCESS_TOKEN_SECONDS = 2 * 60 * 60
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 60 * 60

/** Who a token speaks for. Everything the server decides about a connection comes from here. */
export interface Claims {
  personId: string
  assessmentId: string
  inviteId: string
  role: Role
  name: string
  /** Null for people who speak for no group (observers, peer reviewers, a facilitating chair). */
  group: StakeholderGroup | null
  colour: string
}

const claimsSchema = z.object({
  sub: z.string(),
  aid: z.string(),
  iid: z.string(),
  role: roleSchema,
  name: z.string(),
  group: stakeholderGroupSchema.nullable(),
  colour: z.string(),
  typ: z.enum(['access', 'refresh']),
  exp: z.number(),
})

/** What a verified token says, with when it stops being valid (ms since the epoch). */
export type VerifiedClaims = Claims & { expiresAt: number }

export class TokenError extends Error {}

export interface TokenService {
  issue(claims: Claims, kind: 'access' | 'refresh'): Promise<{ token: string; expiresAt: string }>
  verify(token: string, kind: 'access' | 'refresh'): Promise<VerifiedClaims>
  /**
   * A person's anonymous name on one board: a keyed hash of the board and the person, so the same
   * person gets the same name on that board (and can edit what they posted) while nobody without the
   * server's key can tell whose it is, nor link it to their name on another board.
   */
  alias(assessmentId: string, personId: string): string
}

/** The signing key is made once and kept in the store, so every instance and every restart agrees on it. */
export async function loadSigningKey(metadata: MetadataStore, instanceSecret?: string): Promise<Uint8Array> {
  if (instanceSecret) return new TextEncoder().encode(instanceSecret)
  // Instances starting together on an empty store must agree on one key: the store keeps the first.
  const stored = await metadata.setSettingIfAbsent('tokenSigningKey', randomBytes(32).toString('base64url'))
  return new TextEncoder().encode(stored)
}

export function createTokenService(key: Uint8Array): TokenService {
  return {
    alias(assessmentId, personId) {
      const digest = createHmac('sha256', key)
        .update(`anonymous:${assessmentId}:${personId}`)
        .digest('base64url')
      return `anon-${digest.slice(0, 22)}`
    },
    async issue(claims, kind) {
      const seconds = kind === 'access' ? ACCESS_TOKEN_SECONDS : REFRESH_TOKEN_SECONDS
      const expires = Math.floor(Date.now() / 1000) + seconds
      const token = await new SignJWT({
        aid: claims.assessmentId,
        iid: claims.inviteId,
        role: claims.role,
        name: claims.name,
        group: claims.group,
        colour: claims.colour,
        typ: kind,
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.personId)
        .setIssuedAt()
        .setExpirationTime(expires)
        .sign(key)
      return { token, expiresAt: new Date(expires * 1000).toISOString() }
    },
    async verify(token, kind) {
      let payload: unknown
      try {
        payload = (await jwtVerify(token, key, { algorithms: ['HS256'] })).payload
      } catch (error) {
        if (error instanceof errors.JWTExpired)
          throw new TokenError('Your sign-in has expired. Open your invite link again.')
        throw new TokenError('Your sign-in is not valid. Open your invite link again.')
      }
      const parsed = claimsSchema.safeParse(payload)
      if (!parsed.success || parsed.data.typ !== kind)
        throw new TokenError('Your sign-in is not valid. Open your invite link again.')
      const c = parsed.data
      return {
        personId: c.sub,
        assessmentId: c.aid,
        inviteId: c.iid,
        role: c.role,
        name: c.name,
        group: c.group,
        colour: c.colour,
        expiresAt: c.exp * 1000,
      }
    },
  }
}
