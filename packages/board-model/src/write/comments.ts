import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import { localOrigin } from '../origins.ts'
import { commentsMap, threadsMap } from '../roots.ts'
import type { Anchor, Comment, RichText } from '../values.ts'

export interface NewComment {
  anchor: Anchor
  body: RichText
  /** Plain text of the body, for search, counts and exports. */
  text: string
  mentions: string[]
  /** Omit to start a new thread. */
  threadId?: string
  layer: Comment['layer']
  /** Post without the author's name: under their anonymous name for this board, showing their group. */
  anonymous?: { alias: string; group: string }
}

/** Adds a comment (a new thread, or a reply when threadId is given) and returns its id. */
export function addComment(doc: Y.Doc, authorId: string, input: NewComment, now = Date.now()): string {
  const id = nanoid()
  const comment: Comment = {
    id,
    threadId: input.threadId ?? id,
    anchor: input.anchor,
    authorId: input.anonymous?.alias ?? authorId,
    layer: input.layer,
    body: input.body,
    text: input.text,
    mentions: input.mentions,
    createdAt: now,
    editedAt: null,
    deleted: false,
    ...(input.anonymous ? { anonymous: true, group: input.anonymous.group } : {}),
  }
  doc.transact(() => commentsMap(doc).set(id, comment), localOrigin(authorId))
  return id
}

/** Only the author edits their comment; the server enforces the same rule. */
export function editComment(
  doc: Y.Doc,
  authorId: string,
  commentId: string,
  body: RichText,
  text: string,
  mentions: string[],
  now = Date.now(),
): void {
  const current = commentsMap(doc).get(commentId)
  if (!current || current.authorId !== authorId) throw new Error('Only the author can edit this comment.')
  doc.transact(
    () => commentsMap(doc).set(commentId, { ...current, body, text, mentions, editedAt: now }),
    localOrigin(authorId),
  )
}

/** Deleting keeps a tombstone so replies still make sense; the text is removed. */
export function deleteComment(doc: Y.Doc, authorId: string, commentId: string, now = Date.now()): void {
  const current = commentsMap(doc).get(commentId)
  if (!current || current.authorId !== authorId) throw new Error('Only the author can delete this comment.')
  doc.transact(
    () =>
      commentsMap(doc).set(commentId, {
        ...current,
        body: { type: 'doc', content: [] },
        text: '',
        mentions: [],
        deleted: true,
        editedAt: now,
      }),
    localOrigin(authorId),
  )
}

export function setThreadResolved(
  doc: Y.Doc,
  personId: string,
  threadId: string,
  resolved: boolean,
  now = Date.now(),
): void {
  doc.transact(
    () => threadsMap(doc).set(threadId, { resolved, by: personId, at: now }),
    localOrigin(personId),
  )
}
