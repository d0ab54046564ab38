import { z } from 'zod'

/** What a person may do on an assessment; it comes from their signed token, never from the client. */
export const roleSchema = z.enum(['chair', 'participant', 'peer-reviewer', 'observer'])
export type Role = z.infer<typeof roleSchema>

/** The stakeholder group a person speaks for; ticks are split by it so differences between groups show. */
export const stakeholderGroupSchema = z.enum(['ics', 'vcse', 'lived-experience', 'peer-reviewer'])
export type StakeholderGroup = z.infer<typeof stakeholderGroupSchema>

export const stakeholderGroupLabels: Record<StakeholderGroup, string> = {
  ics: 'ICS or statutory organisation',
  vcse: 'Voluntary, community or social enterprise (VCSE)',
  'lived-experience': 'Lived experience or community member',
  'peer-reviewer': 'Peer reviewer',
}

export const roleLabels: Record<Role, string> = {
  chair: 'Chair',
  participant: 'Participant',
  'peer-reviewer': 'Peer reviewer',
  observer: 'Observer',
}
