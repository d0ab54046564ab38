import { z } from 'zod'

/** Free text a person types: trimmed, no control characters, and a length a page can show. */
export const personText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine((s) => !/\p{Cc}/u.test(s), `${label} must not contain control characters`)

export const idParam = z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, 'is not a valid id')
export const inviteTokenParam = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not a valid invite link')
