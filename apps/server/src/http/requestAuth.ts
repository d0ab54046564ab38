import type { Role } from '@co-assess/board-model'
import type { MetadataStore } from '@co-assess/storage'
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
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
  /**
   * onRequest hooks that run these same checks before Fastify reads the body: someone not signed in
   * gets a 401, not a 400 naming a field of a body they may not send, and no body of theirs is read
   * (an import is up to 20 MB). The route's handler still calls `person`/`admin`, which then answer
   * from what the hook found instead of asking the store again.
   */
  adminFirst: onRequestAsyncHookHandler
  personFirst(roles?: readonly Role[]): onRequestAsyncHookHandler
}

export function createRequestAuth(deps: { tokens: TokenService; metadata: MetadataStore }): RequestAuth {
  // What an onRequest hook already established for a request, so the handler's own check is free.
  const admins = new WeakSet<FastifyRequest>()
  const people = new WeakMap<FastifyRequest, { assessmentId: string; claims: Claims }>()

  async function checkPerson(request: FastifyRequest, assessmentId: string): Promise<Claims> {
    const known = people.get(request)
    if (known?.assessmentId === assessmentId) return known.claims
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
    people.set(request, { assessmentId, claims })
    return claims
  }

  const auth: RequestAuth = {
    async person(request, assessmentId, roles) {
      const claims = await checkPerson(request, assessmentId)
      if (roles && !roles.includes(claims.role)) {
        throw forbidden(`Only a ${roles.join(' or ')} can do this; you joined as ${claims.role}.`)
      }
      return claims
    },
    async admin(request) {
      if (admins.has(request)) return
      const hash = await deps.metadata.getSetting('adminKeyHash')
      if (!hash || !secretMatchesHash(bearer(request), hash))
        throw unauthorized('That admin key is not right.')
      admins.add(request)
    },
    adminFirst: async (request) => auth.admin(request),
    personFirst: (roles) => async (request) => {
      // Params are matched but not yet validated here: a malformed id is simply not this invite's.
      const { assessmentId } = request.params as { assessmentId?: unknown }
      await auth.person(request, typeof assessmentId === 'string' ? assessmentId : '', roles)
    },
  }
  return auth
}
