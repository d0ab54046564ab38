import { roleSchema, stakeholderGroupSchema } from '@co-assess/board-model'
import { z } from 'zod'
import { inviteTokenParam, isoTime, optionalPersonText, personText } from './fields.ts'

export const inviteTokenParams = z.object({ token: inviteTokenParam })

export const inviteInfo = z.object({
  role: roleSchema,
  expiresAt: isoTime,
  assessment: z.object({ id: z.string(), title: z.string(), workstream: z.string() }),
  /** The groups the join page offers: none means joining with no group (observers, peer reviewers, a facilitator). */
  groups: z.array(z.object({ id: z.string(), label: z.string() })),
  /** Days the assessment is kept after it was made; null: until the chair deletes it. */
  retentionDays: z.number().nullable(),
})

export const joinBody = z.strictObject({
  displayName: personText('Your name', 80),
  // Optional: people without one typed "none", which then showed beside their name everywhere.
  organisation: optionalPersonText('Organisation', 120),
  // Checked against the invite's choices: an observer or peer reviewer sends none.
  group: stakeholderGroupSchema.nullable().optional(),
})

export const joinedPerson = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  /** Null for people who join with no group (observers, peer reviewers, a facilitating chair). */
  group: z.string().nullable(),
  role: roleSchema,
  colour: z.string(),
})

/** A board session: a short-lived token, a refresh token, and who the person is on the board. */
export const joinResult = z.object({
  token: z.string(),
  refreshToken: z.string(),
  expiresAt: isoTime,
  person: joinedPerson,
  assessmentId: z.string(),
})

export const refreshBody = z.strictObject({ refreshToken: z.string().max(4096) })
export const accessToken = z.object({ token: z.string(), expiresAt: isoTime })
