import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hideComment } from '../records/moderation.ts'
import { actionsMap } from '../roots.ts'
import { agreeAction, proposeAction, updateAction } from '../write/actions.ts'
import { addComment } from '../write/comments.ts'
import { NO_RATIONALE, recordAgreedLevel } from '../write/levels.ts'
import { initBoard } from '../write/server.ts'
import { boardShape } from './boardShape.ts'
import { guardUpdate } from './guardUpdate.ts'
import type { Writer } from './writeRules.ts'

// The rules for turning comments into actions and for recording a level's reason, role by role.

const shape = boardShape([{ id: '1a', itemIds: ['1a.emerging.1'] }])
const alice: Writer = {
  personId: 'alice-01',
  role: 'participant',
  documentKind: 'board',
  alias: 'alias-alice',
  group: 'vcse',
}
const bob: Writer = { personId: 'bob-0001', role: 'participant', documentKind: 'board' }
const chair: Writer = { personId: 'chair-01', role: 'chair', documentKind: 'board' }
const peer: Writer = { personId: 'peer-001', role: 'peer-reviewer', documentKind: 'board' }
const observer: Writer = { personId: 'obs-0001', role: 'observer', documentKind: 'board' }

function board() {
  const doc = new Y.Doc()
  initBoard(doc, { assessmentId: 'assess-1', frameworkId: 'cqc-hi-2025', frameworkVersion: '1.0.0' })
  const comment = (authorId: string, anonymous?: { alias: string; group: string }) =>
    addComment(doc, authorId, {
      anchor: { areaId: '1a', itemId: null },
      body: { type: 'doc', content: [] },
      text: 'Meet in the evenings',
      mentions: [],
      layer: 'host',
      ...(anonymous ? { anonymous } : {}),
    })
  return {
    doc,
    aliceComment: comment(alice.personId),
    aliceAnonymous: comment(alice.personId, { alias: 'alias-alice', group: 'vcse' }),
    chairComment: comment(chair.personId),
  }
}

function verdictOf(server: Y.Doc, writer: Writer, edit: (client: Y.Doc) => void) {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  edit(client)
  return guardUpdate(server, Y.encodeStateAsUpdate(client, before), writer, shape)
}

const fromComment = (doc: Y.Doc, writer: Writer, commentId: string) =>
  proposeAction(doc, writer.personId, {
    youSaid: 'Meet in the evenings',
    raisedBy: [],
    weDid: '',
    owner: '',
    dueDate: null,
    areaIds: ['1a'],
    fromCommentId: commentId,
  })

describe('making a comment into a proposed action', () => {
  it('is allowed to the comment’s author (named or anonymous) and to a chair, on anyone’s comment', () => {
    const b = board()
    expect(verdictOf(b.doc, alice, (c) => fromComment(c, alice, b.aliceComment)).allowed).toBe(true)
    expect(verdictOf(b.doc, alice, (c) => fromComment(c, alice, b.aliceAnonymous)).allowed).toBe(true)
    expect(verdictOf(b.doc, chair, (c) => fromComment(c, chair, b.aliceComment)).allowed).toBe(true)
  })

  it('is refused to another participant, on a participant’s or the chair’s comment, and to readers', () => {
    const b = board()
    for (const commentId of [b.aliceComment, b.chairComment, b.aliceAnonymous]) {
      const verdict = verdictOf(b.doc, bob, (c) => fromComment(c, bob, commentId))
      expect(verdict.allowed).toBe(false)
      if (!verdict.allowed) expect(verdict.reason).toMatch(/only a comment’s author or a chair/)
    }
    for (const reader of [peer, observer])
      expect(verdictOf(b.doc, reader, (c) => fromComment(c, reader, b.aliceComment)).allowed).toBe(false)
  })

  it('is refused for a comment not on the board, or one the chair has hidden, even to the chair', () => {
    const b = board()
    expect(verdictOf(b.doc, chair, (c) => fromComment(c, chair, 'nothing1')).allowed).toBe(false)
    hideComment(b.doc, b.aliceComment, { by: chair.personId, reason: 'Hurtful', at: 1 })
    for (const writer of [alice, chair]) {
      const verdict = verdictOf(b.doc, writer, (c) => fromComment(c, writer, b.aliceComment))
      expect(verdict.allowed).toBe(false)
      if (!verdict.allowed) expect(verdict.reason).toMatch(/hidden/)
    }
  })

  it('refuses pointing one’s own proposal at someone else’s comment afterwards', () => {
    const b = board()
    const id = fromComment(b.doc, bob, b.chairComment) // written directly: the server's copy
    actionsMap(b.doc).set(id, { ...actionsMap(b.doc).get(id)!, fromCommentId: null })
    const verdict = verdictOf(b.doc, bob, (c) =>
      updateAction(c, bob.personId, id, { fromCommentId: b.aliceComment }),
    )
    expect(verdict.allowed).toBe(false)
    if (!verdict.allowed) expect(verdict.reason).toMatch(/only a comment’s author or a chair/)
  })
})

describe('an action’s agreement', () => {
  it('lets only a chair mark an action agreed, and a participant cannot give their proposal an agreement time', () => {
    const b = board()
    const id = fromComment(b.doc, alice, b.aliceComment)
    expect(verdictOf(b.doc, alice, (c) => updateAction(c, alice.personId, id, { agreedAt: 5 })).allowed).toBe(
      false,
    )
    expect(verdictOf(b.doc, chair, (c) => agreeAction(c, chair.personId, id, null)).allowed).toBe(true)
  })
})

describe('recording an agreed level', () => {
  const record = (rationale: string) => (c: Y.Doc) =>
    recordAgreedLevel(c, chair.personId, '1a', { level: 'not-yet', rationale, dissent: '', sessionId: null })

  it('needs a rationale or the explicit choice to give none', () => {
    const b = board()
    for (const empty of ['', '   ']) {
      const verdict = verdictOf(b.doc, chair, record(empty))
      expect(verdict.allowed).toBe(false)
      if (!verdict.allowed) expect(verdict.reason).toMatch(/rationale, or the choice to record none/)
    }
    expect(verdictOf(b.doc, chair, record('The minutes show it')).allowed).toBe(true)
    expect(verdictOf(b.doc, chair, record(NO_RATIONALE)).allowed).toBe(true)
  })

  it('is still the chair’s alone', () => {
    const b = board()
    const verdict = verdictOf(b.doc, alice, (c) =>
      recordAgreedLevel(c, alice.personId, '1a', {
        level: 'not-yet',
        rationale: 'x',
        dissent: '',
        sessionId: null,
      }),
    )
    expect(verdict.allowed).toBe(false)
  })
})
