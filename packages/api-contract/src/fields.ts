import { z } from 'zod'

// The free-text rules are the board model's too (the board snapshot checks a title with them): defined there once.
export { optionalPersonText, personText } from '@co-assess/board-model'

export const idParam = z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, 'is not a valid id')
export const inviteTokenParam = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not a valid invite link')

/** A time the server sends, as ISO 8601 text. */
export const isoTime = z.string().describe('ISO 8601 time')

export const assessmentParams = z.object({ assessmentId: idParam })
export const organisationParams = z.object({ organisationId: idParam })

/** Every error leaves the server as `{ error, message }`, the message a sentence a person can act on. */
export const errorBody = z.object({ error: z.string(), message: z.string() })
export const errorResponses = { '4xx': errorBody, '5xx': errorBody } as const

/** A response that is not JSON: a page or a file, described for OpenAPI. */
export const nonJson = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: z.string() } },
})

/** A redirect: the browser is sent on to another address, with no body. */
export const redirect = (description: string) => z.null().describe(description)

/** Routes that take the admin key read it from the bearer header (checked by the server, not here). */
export const adminKeyHeaders = z.object({ authorization: z.string().optional() })

/** An answer with no body (204). */
export const noContent = (description: string) => z.null().describe(description)
