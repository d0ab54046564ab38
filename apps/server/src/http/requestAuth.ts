import type { Role } from '@co-assess/board-model'
import type { MetadataStore } from '@co-assess/storage'
import type { FastifyRequest } from 'fastify'
import { secretMatchesHash } from '../auth/hashSecret.ts'
import { type Claims, TokenError, type TokenService } from '../auth/tokens.ts'
import { forbidden, unauthorized } from './httpError.ts'

function bearer(request: FastifyRequest): string {
  const header = request.headers.authorization
  if (!header?.startsWith('Bearer '))
    throw unauthorized('Sign in first: send "Authorization: Bearer <token>".')
  // Every route reads the header here, so this is its one check: a real token is a few hundred bytes.
  if (header.length > 4096) throw unauthorized('That sign-in token is too long to be one of ours.')
  return header.slice('Bearer '.length).trim()
}

export interface RequestAuth {
  /** The caller's claims, checked to be for this assessment, with a live invite and one of these roles. */
  person(request: FastifyRequest, assessmentId: string, roles?: readonly Role[]): Promise<Claims>
  admin(request: FastifyRequest): Promise<void>
}

export function createRequestAuth(deps: { tokens: TokenService; metadata: MetadataStore }): RequestAuth {
  return {
    async person(request, assessmentId, roles) {
      let claims: Claims
      try {
        claims = await deps.tokens.verify(bearer(request), 'access')
      } catch (error) {
        if (error instanceof TokenError) throw unauthorized(error.message)
        throw error
      }
      if (claims.assessmentId !== assessmentId) throw forbidden('Your invite is for a different assessment.')
      const invite = await deps.metadata.getInvite(claims.inviteId)
      if (!invite || invite.revokedAt)
        throw unauthorized('The invite you joined with has been withdrawn by the chair.')
      if (roles && !roles.includes(claims.role)) {
        throw forbidden(`Only a ${roles.join(' or ')} can do this; you joined as ${claims.role}.`)
      }
      return claims
    },
    async admin(request) {
      const hash = await deps.metadata.getSetting('adminKeyHash')
      if (!hash || !secretMatchesHash(bearer(request), hash))
        throw unauthorized('That admin key is not right.')
    },
  }
}
