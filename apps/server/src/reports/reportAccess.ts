import { createHmac } from 'node:crypto'
import { type Role, roleSchema } from '@co-assess/board-model'
import { errors, jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'

/** Report links live in browser history and server logs, so they last minutes, not hours. */
export const REPORT_LINK_SECONDS = 15 * 60

export interface ReportAccess {
  personId: string
  assessmentId: string
  inviteId: string
  role: Role
}

const claimsSchema = z.object({
  sub: z.string(),
  aid: z.string(),
  iid: z.string(),
  role: roleSchema,
  typ: z.literal('report'),
})

export class ReportLinkError extends Error {}

/**
 * Signs `?access=` tokens for report links. The key is derived from the sign-in key for this one use,
 * so a report link can never be replayed as a sign-in token, nor a sign-in token as a report link.
 */
export function createReportLinks(signingKey: Uint8Array) {
  const key = createHmac('sha256', signingKey).update('co-assess report links v1').digest()
  return {
    async issue(access: ReportAccess): Promise<{ token: string; expiresAt: string }> {
      const expires = Math.floor(Date.now() / 1000) + REPORT_LINK_SECONDS
      const token = await new SignJWT({
        aid: access.assessmentId,
        iid: access.inviteId,
        role: access.role,
        typ: 'report',
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(access.personId)
        .setExpirationTime(expires)
        .sign(key)
      return { token, expiresAt: new Date(expires * 1000).toISOString() }
    },
    async verify(token: string): Promise<ReportAccess> {
      let payload: unknown
      try {
        payload = (await jwtVerify(token, key, { algorithms: ['HS256'] })).payload
      } catch (error) {
        if (error instanceof errors.JWTExpired)
          throw new ReportLinkError('This report link has expired. Open the report again from the board.')
        throw new ReportLinkError('This report link is not valid. Open the report again from the board.')
      }
      const parsed = claimsSchema.safeParse(payload)
      if (!parsed.success)
        throw new ReportLinkError('This report link is not valid. Open the report again from the board.')
      return {
        personId: parsed.data.sub,
        assessmentId: parsed.data.aid,
        inviteId: parsed.data.iid,
        role: parsed.data.role,
      }
    },
  }
}
export type ReportLinks = ReturnType<typeof createReportLinks>
