import { z } from 'zod'

// Free-text rules for what people type. They are the board's as much as the API's: the board snapshot
// checks an assessment's title and workstream with them, so they live here and the API contract
// (packages/api-contract/src/fields.ts) re-exports them.

/** Free text a person types: trimmed, no control characters, and a length a page can show. */
export const personText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine((s) => !/\p{Cc}/u.test(s), `${label} must not contain control characters`)

/** Like personText, but may be left out or blank; kept as '' (the board's records hold text, not null). */
export const optionalPersonText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine((s) => !/\p{Cc}/u.test(s), `${label} must not contain control characters`)
    .default('')
