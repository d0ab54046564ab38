import { errors, jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'
import type { PendingSignIn } from './oidcSignIn.ts'

export const STAFF_COOKIE = 'co_assess_staff'
export const PENDING_COOKIE = 'co_assess_signin'
export const STAFF_SESSION_SECONDS = 12 * 60 * 60
const PENDING_SECONDS = 10 * 60

const sessionSchema = z.object({ sub: z.string(), typ: z.literal('staff') })
const pendingSchema = z.object({
  typ: z.literal('staff-pending'),
  verifier: z.string(),
  state: z.string(),
  nonce: z.string(),
  invite: z.string().nullable(),
})

/**
 * Staff sessions and sign-ins in flight, as tokens signed with the server's key (the same key as the
 * board's tokens, so every instance checks them), carried in httpOnly cookies. A `typ` in each keeps a
 * board token from passing as a staff session and the other way round.
 */
export function createStaffSessions(key: Uint8Array) {
  const sign = (payload: Record<string, unknown>, seconds: number, subject?: string) => {
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    if (subject) jwt.setSubject(subject)
    return jwt.sign(key)
  }
  const read = async (token: string): Promise<unknown> => {
    try {
      return (await jwtVerify(token, key, { algorithms: ['HS256'] })).payload
    } catch (error) {
      if (error instanceof errors.JOSEError) return null
      throw error
    }
  }
  return {
    issue: (staffId: string) => sign({ typ: 'staff' }, STAFF_SESSION_SECONDS, staffId),
    /** The staff id a session cookie speaks for, or null for a missing, expired or forged one. */
    async verify(token: string | undefined): Promise<string | null> {
      if (!token || token.length > 4096) return null
      const parsed = sessionSchema.safeParse(await read(token))
      return parsed.success ? parsed.data.sub : null
    },
    issuePending: (pending: PendingSignIn, invite: string | null) =>
      sign({ typ: 'staff-pending', ...pending, invite }, PENDING_SECONDS),
    async verifyPending(token: string | undefined) {
      if (!token || token.length > 4096) return null
      const parsed = pendingSchema.safeParse(await read(token))
      return parsed.success ? parsed.data : null
    },
  }
}
export type StaffSessions = ReturnType<typeof createStaffSessions>
