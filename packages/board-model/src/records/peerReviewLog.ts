import type * as Y from 'yjs'
import { z } from 'zod'
import { entityIdSchema } from '../ids.ts'
import { serverOrigin } from '../origins.ts'
import { metaMap, ROOTS } from '../roots.ts'

/**
 * Each closing and reopening of the peer review: who did it and when. The review's state itself is
 * still `meta.reviewClosedAt` (null while open), which the write rules read; this log is what the
 * chair's "Peer review" section shows ("Closed by Sam Patel on 3 Dec, 14:05"). Written by the server
 * alone, for a chair, with `by` from the verified token; the write rules refuse the root from clients.
 */

export const reviewEventSchema = z.strictObject({
  kind: z.enum(['closed', 'reopened']),
  by: entityIdSchema,
  at: z.number().int().nonnegative(),
})
export type ReviewEvent = z.infer<typeof reviewEventSchema>

/** Key: the event's time and a sequence, zero-padded so keys sort as the events happened. */
export const reviewEventKey = {
  encode: (at: number, sequence: number): string =>
    `${String(at).padStart(15, '0')}-${String(sequence).padStart(4, '0')}`,
  decode: (key: string): { at: number; sequence: number } | null => {
    const match = /^(\d{15})-(\d{4})$/.exec(key)
    return match ? { at: Number(match[1]), sequence: Number(match[2]) } : null
  },
}

export const reviewLogMap = (doc: Y.Doc) => doc.getMap<ReviewEvent>(ROOTS.reviewLog)

/** The review's closings and reopenings, oldest first; entries that do not validate are left out. */
export function readReviewLog(doc: Y.Doc): ReviewEvent[] {
  return [...reviewLogMap(doc).entries()]
    .flatMap(([key, value]) => {
      const parsed = reviewEventSchema.safeParse(value)
      return reviewEventKey.decode(key) && parsed.success ? [[key, parsed.data] as const] : []
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, event]) => event)
}

/**
 * Closes (closedAt a time) or reopens (null) the peer review, and logs who did it, in one transaction.
 * Returns false, writing nothing, when the review is already in that state. Server only.
 */
export function setPeerReviewClosed(doc: Y.Doc, closed: boolean, by: string, at: number): boolean {
  const isClosed = metaMap(doc).get('reviewClosedAt') != null
  if (isClosed === closed) return false
  const event = reviewEventSchema.parse({ kind: closed ? 'closed' : 'reopened', by, at })
  doc.transact(() => {
    metaMap(doc).set('reviewClosedAt', closed ? at : null)
    reviewLogMap(doc).set(reviewEventKey.encode(at, reviewLogMap(doc).size % 10000), event)
  }, serverOrigin('review'))
  return true
}
