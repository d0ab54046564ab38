import { z } from 'zod'
import { inviteTokenParam, isoTime, personText } from './fields.ts'

export const staffRoleSchema = z.enum(['administrator', 'lead', 'member'], {
  error: 'Role must be "administrator", "lead" or "member"',
})

export const staffView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['administrator', 'lead', 'member']),
  organisationId: z.string(),
})
export const staffLinkParams = z.object({ token: inviteTokenParam })
export const signInOptions = z.object({ provider: z.boolean() })
export const signInQuery = z.object({ invite: inviteTokenParam.optional() })
export const callbackQuery = z.record(z.string(), z.string().max(4096))
export const staffLinkInfo = z.object({
  organisation: z.object({ name: z.string() }),
  role: staffView.shape.role,
  provider: z.boolean(),
})
export const acceptStaffLinkBody = z.strictObject({ name: personText('Your name', 80) })
export const staffMe = z.object({
  staff: staffView,
  organisation: z.object({ id: z.string(), name: z.string(), places: z.array(z.string()) }),
})
export const staffInviteIssued = z.object({
  token: z.string(),
  path: z.string(),
  role: staffView.shape.role,
  expiresAt: isoTime,
})
