import type * as Y from 'yjs'
import { z } from 'zod'
import { entityIdSchema } from '../ids.ts'
import { serverOrigin } from '../origins.ts'
import { actionsMap, commentsMap, ROOTS } from '../roots.ts'
import type { Comment } from '../values.ts'

/**
 * The chair hiding a hurtful or mistaken comment, and showing it again.
 *
 * A comment's words live in the shared board, which every browser on it holds and syncs, so hiding
 * cannot be a flag that browsers honour: the server itself replaces the comment's words with nothing
 * (a server write; Yjs garbage-collects the replaced value, so nobody who opens the board afterwards
 * receives the words, and neither do reports, CSVs, exports, the comparison or the public page, which
 * are all read from the board). The original words go to the server's metadata store, where only a
 * chair's "show again" reads them back. This record, which everyone sees, says that the comment was
 * hidden, by whom, when and why: "Hidden by the chair: <reason>". Nobody sees the hidden words on the
 * board, the author included: their comment reads as hidden like everyone else's, so the board never
 * holds the words anywhere a browser could read them.
 *
 * What remains: browsers that were on the board before the hide received the words then, and a
 * browser's offline copy keeps its own history until it next compacts; the server's append-only log
 * keeps the update that first carried them until the document is next compacted (a snapshot is the
 * garbage-collected state). Assessment deletion removes the kept original with the assessment.
 *
 * Written by the server alone, for a chair (the route checks the role from the verified token and
 * takes `by` from it); the write rules refuse this root from every client.
 */

export const MODERATION_REASON_MAX = 500
/** How many hides and restorations one comment's record keeps, oldest dropping off first. */
export const MODERATION_EVENT_LIMIT = 50

const timestamp = z.number().int().nonnegative()

export const moderationEventSchema = z.strictObject({
  kind: z.enum(['hidden', 'shown']),
  by: entityIdSchema,
  at: timestamp,
  /** Why it was hidden; empty for "shown again". */
  reason: z.string().max(MODERATION_REASON_MAX),
})
export type ModerationEvent = z.infer<typeof moderationEventSchema>

export const moderationSchema = z.strictObject({
  hidden: z.boolean(),
  /** The reason of the latest hide, shown to everyone while hidden. */
  reason: z.string().max(MODERATION_REASON_MAX),
  /** Who hid it (or showed it again last) and when. */
  by: entityIdSchema,
  at: timestamp,
  events: z.array(moderationEventSchema).max(MODERATION_EVENT_LIMIT),
})
export type Moderation = z.infer<typeof moderationSchema>

const COMMENT_PREFIX = 'comment:'

/** Key: `comment:<commentId>`, so other kinds of record could be moderated later under their own prefix. */
export const moderationKey = {
  encode: (commentId: string): string => `${COMMENT_PREFIX}${commentId}`,
  decode: (key: string): string | null => {
    if (!key.startsWith(COMMENT_PREFIX)) return null
    const id = key.slice(COMMENT_PREFIX.length)
    return entityIdSchema.safeParse(id).success ? id : null
  },
}

export const moderationMap = (doc: Y.Doc) => doc.getMap<Moderation>(ROOTS.moderation)

/** Every comment's moderation record, by comment id; entries that do not validate are left out. */
export function readModeration(doc: Y.Doc): Map<string, Moderation> {
  const out = new Map<string, Moderation>()
  for (const [key, value] of moderationMap(doc).entries()) {
    const commentId = moderationKey.decode(key)
    const parsed = moderationSchema.safeParse(value)
    if (commentId && parsed.success) out.set(commentId, parsed.data)
  }
  return out
}

/** The comment's moderation record, hidden or shown again; undefined if it has none or it does not validate. */
export function readModerationOf(doc: Y.Doc, commentId: string): Moderation | undefined {
  const parsed = moderationSchema.safeParse(moderationMap(doc).get(moderationKey.encode(commentId)))
  return parsed.success ? parsed.data : undefined
}

/** The comment's moderation record while it is hidden; undefined when it is not hidden. */
export function hiddenComment(doc: Y.Doc, commentId: string): Moderation | undefined {
  const record = moderationMap(doc).get(moderationKey.encode(commentId))
  return record?.hidden ? record : undefined
}

/** What everyone sees in a hidden comment's place. */
export function hiddenNotice(reason: string): string {
  return `Hidden by the chair: ${reason}`
}

/** The words taken off the board by a hide, kept by the server so a chair can show them again. */
export const hiddenWordsSchema = z.strictObject({
  comment: z.strictObject({
    body: z.strictObject({ type: z.literal('doc'), content: z.array(z.unknown()) }),
    text: z.string(),
    mentions: z.array(z.string()),
  }),
  /** Actions made from the comment whose "you said" was still its words, with those words. */
  actions: z.array(z.strictObject({ actionId: z.string(), youSaid: z.string() })),
})
export type HiddenWords = z.infer<typeof hiddenWordsSchema>

export class ModerationError extends Error {}

function withEvent(previous: Moderation | undefined, event: ModerationEvent): Moderation {
  return {
    hidden: event.kind === 'hidden',
    reason: event.kind === 'hidden' ? event.reason : '',
    by: event.by,
    at: event.at,
    events: [...(previous?.events ?? []), event].slice(-MODERATION_EVENT_LIMIT),
  }
}

/**
 * Hides a comment: removes its words from the board (and from any action still carrying them as its
 * "you said") and records who hid it, when and why, in one transaction. Returns the words removed,
 * for the caller to keep where only a chair can restore them, or null when the comment was already
 * hidden (only the reason changes; the words kept at the first hide stay the ones to restore).
 * Server only.
 */
export function hideComment(
  doc: Y.Doc,
  commentId: string,
  input: { by: string; reason: string; at: number },
): HiddenWords | null {
  const reason = input.reason.trim()
  if (!reason) throw new ModerationError('Say why the comment is hidden.')
  if (reason.length > MODERATION_REASON_MAX)
    throw new ModerationError(`Keep the reason to ${MODERATION_REASON_MAX} characters.`)
  const comment = commentsMap(doc).get(commentId)
  if (!comment) throw new ModerationError('That comment is not on the board.')
  if (comment.deleted) throw new ModerationError('Its author has already deleted that comment.')
  const key = moderationKey.encode(commentId)
  const previous = moderationMap(doc).get(key)
  const event: ModerationEvent = { kind: 'hidden', by: input.by, at: input.at, reason }
  const record = moderationSchema.parse(withEvent(previous, event))
  if (previous?.hidden) {
    doc.transact(() => moderationMap(doc).set(key, record), serverOrigin('moderation'))
    return null
  }
  const words: HiddenWords = {
    comment: { body: comment.body, text: comment.text, mentions: comment.mentions },
    actions: [],
  }
  const notice = hiddenNotice(reason)
  doc.transact(() => {
    const actions = actionsMap(doc)
    for (const action of actions.values()) {
      if (action.fromCommentId !== commentId || action.youSaid !== comment.text.slice(0, 5000)) continue
      words.actions.push({ actionId: action.id, youSaid: action.youSaid })
      actions.set(action.id, { ...action, youSaid: notice.slice(0, 5000) })
    }
    const emptied: Comment = { ...comment, body: { type: 'doc', content: [] }, text: '', mentions: [] }
    commentsMap(doc).set(commentId, emptied)
    moderationMap(doc).set(key, record)
  }, serverOrigin('moderation'))
  return words
}

/**
 * Shows a hidden comment again: puts back the words kept at the hide (unless its author has deleted
 * it since), and the "you said" of actions that still read as hidden, and records who and when.
 * Server only.
 */
export function showComment(
  doc: Y.Doc,
  commentId: string,
  input: { by: string; at: number },
  words: HiddenWords | null,
): void {
  const key = moderationKey.encode(commentId)
  const previous = moderationMap(doc).get(key)
  if (!previous?.hidden) throw new ModerationError('That comment is not hidden.')
  const comment = commentsMap(doc).get(commentId)
  const notice = hiddenNotice(previous.reason).slice(0, 5000)
  const record = moderationSchema.parse(
    withEvent(previous, { kind: 'shown', by: input.by, at: input.at, reason: '' }),
  )
  doc.transact(() => {
    if (comment && !comment.deleted && words) {
      commentsMap(doc).set(commentId, { ...comment, ...words.comment })
      const actions = actionsMap(doc)
      for (const kept of words.actions) {
        const action = actions.get(kept.actionId)
        // A chair who rewrote the action's "you said" meanwhile keeps their words.
        if (action && action.youSaid === notice) actions.set(action.id, { ...action, youSaid: kept.youSaid })
      }
    }
    moderationMap(doc).set(key, record)
  }, serverOrigin('moderation'))
}
