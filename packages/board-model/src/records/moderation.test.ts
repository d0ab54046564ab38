import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardShape } from '../guard/boardShape.ts'
import { guardUpdate } from '../guard/guardUpdate.ts'
import type { Writer } from '../guard/writeRules.ts'
import { actionsMap, commentsMap } from '../roots.ts'
import { proposeAction } from '../write/actions.ts'
import { addComment, deleteComment, editComment } from '../write/comments.ts'
import { initBoard } from '../write/server.ts'
import {
  hiddenComment,
  hiddenNotice,
  hideComment,
  ModerationError,
  moderationKey,
  moderationMap,
  readModeration,
  readModerationOf,
  showComment,
} from './moderation.ts'

const shape = boardShape([{ id: '1a', itemIds: ['1a.emerging.1'] }])
const alice: Writer = { personId: 'alice-01', role: 'participant', documentKind: 'board' }
const chair: Writer = { personId: 'chair-01', role: 'chair', documentKind: 'board' }
const WORDS = 'Everyone from that trust is useless'

function board() {
  const doc = new Y.Doc()
  initBoard(doc, { assessmentId: 'assess-1', frameworkId: 'cqc-hi-2025', frameworkVersion: '1.0.0' })
  const commentId = addComment(doc, alice.personId, {
    anchor: { areaId: '1a', itemId: null },
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: WORDS }] }] },
    text: WORDS,
    mentions: ['chair-01'],
    layer: 'host',
  })
  return { doc, commentId }
}

/** Whether the words are anywhere in what a browser opening the board now would be sent. */
const syncedHolds = (doc: Y.Doc, words: string) =>
  Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8').includes(words)

function clientEdit(server: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  edit(client)
  return Y.encodeStateAsUpdate(client, before)
}

describe('the moderation key', () => {
  it('encodes a comment id and decodes only valid ones', () => {
    expect(moderationKey.encode('abcd1234')).toBe('comment:abcd1234')
    expect(moderationKey.decode('comment:abcd1234')).toBe('abcd1234')
    expect(moderationKey.decode('comment:a b')).toBeNull()
    expect(moderationKey.decode('evidence:abcd1234')).toBeNull()
  })
})

describe('hiding a comment', () => {
  it('takes its words off the board, so a browser opening it afterwards never receives them', () => {
    const { doc, commentId } = board()
    expect(syncedHolds(doc, WORDS)).toBe(true)
    const kept = hideComment(doc, commentId, { by: 'chair-01', reason: 'Hurtful to a partner', at: 5 })
    expect(kept?.comment.text).toBe(WORDS)
    expect(commentsMap(doc).get(commentId)).toMatchObject({ text: '', mentions: [], deleted: false })
    expect(syncedHolds(doc, WORDS)).toBe(false)
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc))
    expect(JSON.stringify(fresh.toJSON())).not.toContain(WORDS)
    expect(readModeration(fresh).get(commentId)).toMatchObject({
      hidden: true,
      reason: 'Hurtful to a partner',
      by: 'chair-01',
      at: 5,
    })
  })

  it('takes the words off an action made from it too, and puts everything back when shown again', () => {
    const { doc, commentId } = board()
    const actionId = proposeAction(doc, 'chair-01', {
      youSaid: WORDS,
      raisedBy: [],
      weDid: '',
      owner: '',
      dueDate: null,
      areaIds: ['1a'],
      fromCommentId: commentId,
    })
    const kept = hideComment(doc, commentId, { by: 'chair-01', reason: 'Mistaken', at: 5 })
    expect(actionsMap(doc).get(actionId)?.youSaid).toBe(hiddenNotice('Mistaken'))
    expect(syncedHolds(doc, WORDS)).toBe(false)
    showComment(doc, commentId, { by: 'chair-02', at: 9 }, kept)
    expect(commentsMap(doc).get(commentId)).toMatchObject({ text: WORDS, mentions: ['chair-01'] })
    expect(actionsMap(doc).get(actionId)?.youSaid).toBe(WORDS)
    expect(hiddenComment(doc, commentId)).toBeUndefined()
    // Shown again, the record is still there to say who hid it and who showed it.
    expect(readModerationOf(doc, commentId)).toMatchObject({ hidden: false, by: 'chair-02', at: 9 })
    expect(readModerationOf(doc, 'nothing1')).toBeUndefined()
    expect(
      readModeration(doc)
        .get(commentId)
        ?.events.map((e) => [e.kind, e.by]),
    ).toEqual([
      ['hidden', 'chair-01'],
      ['shown', 'chair-02'],
    ])
  })

  it('needs a reason, a comment on the board and one not deleted; hiding twice keeps the first words', () => {
    const { doc, commentId } = board()
    expect(() => hideComment(doc, commentId, { by: 'chair-01', reason: '  ', at: 1 })).toThrow(
      ModerationError,
    )
    expect(() => hideComment(doc, 'nothing1', { by: 'chair-01', reason: 'x', at: 1 })).toThrow(
      /not on the board/,
    )
    const kept = hideComment(doc, commentId, { by: 'chair-01', reason: 'First', at: 1 })
    expect(hideComment(doc, commentId, { by: 'chair-01', reason: 'Second', at: 2 })).toBeNull()
    expect(hiddenComment(doc, commentId)?.reason).toBe('Second')
    expect(kept?.comment.text).toBe(WORDS)
    expect(() => showComment(doc, 'nothing1', { by: 'chair-01', at: 3 }, null)).toThrow(/not hidden/)
    const other = board()
    deleteComment(other.doc, alice.personId, other.commentId)
    expect(() => hideComment(other.doc, other.commentId, { by: 'c', reason: 'x', at: 1 })).toThrow(/deleted/)
  })
})

describe('the write rules for moderation', () => {
  it('refuse the moderation record from every client, a chair included', () => {
    const { doc, commentId } = board()
    const reviewer: Writer = { personId: 'peer-001', role: 'peer-reviewer', documentKind: 'board' }
    const observer: Writer = { personId: 'obs-0001', role: 'observer', documentKind: 'board' }
    for (const writer of [chair, alice, reviewer, observer]) {
      const forged = clientEdit(doc, (c) =>
        moderationMap(c).set(moderationKey.encode(commentId), {
          hidden: false,
          reason: '',
          by: writer.personId,
          at: 1,
          events: [],
        }),
      )
      const verdict = guardUpdate(doc, forged, writer, shape)
      expect(verdict.allowed).toBe(false)
    }
  })

  it('refuse the author writing words back into a hidden comment, and allow it once shown again', () => {
    const { doc, commentId } = board()
    const kept = hideComment(doc, commentId, { by: 'chair-01', reason: 'Hurtful', at: 1 })
    const rewrite = clientEdit(doc, (c) =>
      editComment(c, alice.personId, commentId, { type: 'doc', content: [] }, WORDS, []),
    )
    const refused = guardUpdate(doc, rewrite, alice, shape)
    expect(refused.allowed).toBe(false)
    if (!refused.allowed) expect(refused.reason).toMatch(/hidden this comment/)
    showComment(doc, commentId, { by: 'chair-01', at: 2 }, kept)
    const edit = clientEdit(doc, (c) =>
      editComment(c, alice.personId, commentId, { type: 'doc', content: [] }, 'Kinder words', []),
    )
    expect(guardUpdate(doc, edit, alice, shape).allowed).toBe(true)
  })
})
