import {
  addComment,
  hideComment,
  proposeAction,
  setPeerReviewClosed,
  setThreadResolved,
  setTick,
} from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readConversation } from './useConversation.ts'

const body = { type: 'doc' as const, content: [] }
const comment = (doc: Y.Doc, areaId: string, threadId?: string) =>
  addComment(doc, 'ana1', {
    anchor: { areaId, itemId: null },
    body,
    text: 'A comment',
    mentions: [],
    layer: 'host',
    ...(threadId ? { threadId } : {}),
  })

describe('readConversation', () => {
  it('is the same reading after a change outside the conversation', () => {
    const doc = new Y.Doc()
    comment(doc, '1a')
    const before = readConversation(doc, null)
    setTick(doc, 'ana1', '1a.emerging.1', true)
    expect(readConversation(doc, before)).toBe(before)
  })

  it('keeps the threads that did not change and reads the ones that did', () => {
    const doc = new Y.Doc()
    const first = comment(doc, '1a')
    const second = comment(doc, '2a')
    const before = readConversation(doc, null)
    comment(doc, '2a', second)
    const replied = readConversation(doc, before)
    expect(replied.threads.find((t) => t.id === first)).toBe(before.threads.find((t) => t.id === first))
    expect(replied.threads.find((t) => t.id === second)?.comments).toHaveLength(2)
    expect(replied.actions).toBe(before.actions)

    setThreadResolved(doc, 'ana1', first, true)
    const resolved = readConversation(doc, replied)
    expect(resolved.threads.find((t) => t.id === first)?.resolved).toBe(true)
    expect(resolved.threads.find((t) => t.id === second)).toBe(replied.threads.find((t) => t.id === second))
  })

  it('reads a new action', () => {
    const doc = new Y.Doc()
    const id = comment(doc, '1a')
    const before = readConversation(doc, null)
    proposeAction(doc, 'ana1', {
      youSaid: 'A comment',
      raisedBy: [],
      weDid: '',
      owner: '',
      dueDate: null,
      areaIds: ['1a'],
      fromCommentId: id,
    })
    const after = readConversation(doc, before)
    expect(after.threads).toBe(before.threads)
    expect(after.actions.map((a) => a.fromCommentId)).toEqual([id])
  })
})

describe('readConversation, for the chair’s tools', () => {
  it('reads a hide and the peer review’s log, and keeps them as they were while they do not change', () => {
    const doc = new Y.Doc()
    const id = comment(doc, '1a')
    const before = readConversation(doc, null)
    expect(before.moderation.size).toBe(0)
    hideComment(doc, id, { by: 'chair1', reason: 'Unkind', at: 5 })
    setPeerReviewClosed(doc, true, 'chair1', 6)
    const after = readConversation(doc, before)
    expect(after.moderation.get(id)).toMatchObject({ hidden: true, reason: 'Unkind', by: 'chair1' })
    expect(after.reviewLog).toEqual([{ kind: 'closed', by: 'chair1', at: 6 }])
    setTick(doc, 'ana1', '1a.emerging.1', true)
    expect(readConversation(doc, after)).toBe(after)
  })
})
