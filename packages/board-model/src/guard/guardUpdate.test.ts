import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeClaims } from '../clientClaims.ts'
import { liveMap, metaMap, noteFragment, peopleMap, ticksMap } from '../roots.ts'
import { proposeAction, updateAction } from '../write/actions.ts'
import { addComment, editComment, setThreadResolved } from '../write/comments.ts'
import { recordAgreedLevel, suggestPeerLevel } from '../write/levels.ts'
import { initBoard, setReviewClosed } from '../write/server.ts'
import { startBlindRound } from '../write/session.ts'
import { setTick } from '../write/ticks.ts'
import { boardShape } from './boardShape.ts'
import { guardUpdate } from './guardUpdate.ts'
import type { Writer } from './writeRules.ts'

/** The part of a framework these tests write to. */
const shape = boardShape([
  { id: '1a', itemIds: ['1a.emerging.1', '1a.emerging.2'] },
  { id: '2a', itemIds: ['2a.emerging.1'] },
  { id: '2b', itemIds: [] },
])

const alice: Writer = { personId: 'alice-01', role: 'participant', documentKind: 'board' }
const chair: Writer = { personId: 'chair-01', role: 'chair', documentKind: 'board' }
const peer: Writer = { personId: 'peer-001', role: 'peer-reviewer', documentKind: 'board' }
const observer: Writer = { personId: 'obs-0001', role: 'observer', documentKind: 'board' }

function serverDoc(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { assessmentId: 'assess-1', frameworkId: 'cqc-hi-2025', frameworkVersion: '1.0.0' })
  return doc
}

/** A client that has synced with the server, then edits; returns the update it would send. */
function clientEdit(server: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  edit(client)
  return Y.encodeStateAsUpdate(client, before)
}

function expectRefused(server: Y.Doc, writer: Writer, update: Uint8Array, reason: RegExp) {
  const verdict = guardUpdate(server, update, writer, shape)
  expect(verdict.allowed).toBe(false)
  if (!verdict.allowed) expect(verdict.reason).toMatch(reason)
}

describe('guardUpdate', () => {
  it('lets a participant tick and untick their own items', () => {
    const server = serverDoc()
    const tick = clientEdit(server, (c) => setTick(c, alice.personId, '1a.emerging.1', true))
    expect(guardUpdate(server, tick, alice, shape).allowed).toBe(true)
    Y.applyUpdate(server, tick)
    const untick = clientEdit(server, (c) => setTick(c, alice.personId, '1a.emerging.1', false))
    expect(guardUpdate(server, untick, alice, shape).allowed).toBe(true)
  })

  it('refuses the server’s own writes sent back by a client, as written under another’s client id', () => {
    const server = serverDoc()
    // Written by the server under its client id, which already wrote the board's set-up: a client
    // carrying it (the board lost it, say) is refused, and told the board may lack that part.
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(server)
    setReviewClosed(server, 5)
    const serverOnly = Y.encodeStateAsUpdate(server, before)
    const board = new Y.Doc()
    Y.applyUpdate(board, Y.encodeStateAsUpdate(client))
    const verdict = guardUpdate(board, serverOnly, alice, shape)
    expect(verdict).toMatchObject({ allowed: false, foreign: true })
    // Alice's first tick, under a client id the board records as hers (as the write gate does).
    const alice1 = new Y.Doc()
    Y.applyUpdate(alice1, Y.encodeStateAsUpdate(board))
    const beforeTick = Y.encodeStateVector(alice1)
    setTick(alice1, alice.personId, '1a.emerging.1', true)
    const first = Y.encodeStateAsUpdate(alice1, beforeTick)
    const accepted = guardUpdate(board, first, alice, shape)
    expect(accepted).toMatchObject({ allowed: true, claims: [alice1.clientID] })
    Y.applyUpdate(board, encodeClaims(board, 7, [alice1.clientID], alice.personId))
    Y.applyUpdate(board, first)
    // A refusal on the rules, under her own client id, is hers: the board's missing parts cannot explain it.
    const beforeForgery = Y.encodeStateVector(alice1)
    setTick(alice1, 'bob-0001', '1a.emerging.1', true)
    const forged = Y.encodeStateAsUpdate(alice1, beforeForgery)
    const own = guardUpdate(board, forged, alice, shape)
    expect(own.allowed).toBe(false)
    expect(own).not.toHaveProperty('foreign')
    // The same change under a client id the board does not know may be the board's gap.
    expect(
      guardUpdate(
        board,
        clientEdit(board, (c) => setTick(c, 'bob-0001', '1a.emerging.2', true)),
        alice,
        shape,
      ),
    ).toMatchObject({ allowed: false, foreign: true })
  })

  it("refuses a tick written under another person's key", () => {
    const server = serverDoc()
    const forged = clientEdit(server, (c) => setTick(c, 'bob-0001', '1a.emerging.1', true))
    expectRefused(server, alice, forged, /your own ticks/)
  })

  it("refuses deleting another person's tick", () => {
    const server = serverDoc()
    Y.applyUpdate(
      server,
      clientEdit(server, (c) => setTick(c, 'bob-0001', '1a.emerging.1', true)),
    )
    const removal = clientEdit(server, (c) => ticksMap(c).delete('bob-0001/1a.emerging.1'))
    expectRefused(server, alice, removal, /your own ticks/)
  })

  it('refuses an overwrite of a key it does not own even when the key has history', () => {
    const server = serverDoc()
    Y.applyUpdate(
      server,
      clientEdit(server, (c) => setTick(c, 'bob-0001', '1a.emerging.1', true)),
    )
    const overwrite = clientEdit(server, (c) =>
      ticksMap(c).set('bob-0001/1a.emerging.1', { ticked: false, at: 1 }),
    )
    expectRefused(server, alice, overwrite, /your own ticks/)
  })

  it('refuses a malformed tick value', () => {
    const server = serverDoc()
    const bad = clientEdit(server, (c) =>
      (ticksMap(c) as unknown as Y.Map<unknown>).set('alice-01/1a.emerging.1', { ticked: 'yes' }),
    )
    expectRefused(server, alice, bad, /tick is not valid/)
  })

  it('lets only a chair record an agreed level', () => {
    const server = serverDoc()
    const asAlice = clientEdit(server, (c) =>
      recordAgreedLevel(c, alice.personId, '1a', {
        level: 'developing',
        rationale: '',
        dissent: '',
        sessionId: null,
      }),
    )
    expectRefused(server, alice, asAlice, /only a chair/)
    const asChair = clientEdit(server, (c) =>
      recordAgreedLevel(c, chair.personId, '1a', {
        level: 'developing',
        rationale: 'r',
        dissent: '',
        sessionId: null,
      }),
    )
    expect(guardUpdate(server, asChair, chair, shape).allowed).toBe(true)
  })

  it('lets an observer write nothing', () => {
    const server = serverDoc()
    expectRefused(
      server,
      observer,
      clientEdit(server, (c) => setTick(c, observer.personId, '1a.emerging.1', true)),
      /observer/,
    )
    const note = clientEdit(server, (c) => noteFragment(c, '1a').insert(0, [new Y.XmlText('hello')]))
    expectRefused(server, observer, note, /observer/)
  })

  it('keeps a peer reviewer to the peer-review layer, and out of it once the review closes', () => {
    const server = serverDoc()
    expectRefused(
      server,
      peer,
      clientEdit(server, (c) => setTick(c, peer.personId, '1a.emerging.1', true)),
      /cannot tick/,
    )
    const note = clientEdit(server, (c) => noteFragment(c, '1a').insert(0, [new Y.XmlText('x')]))
    expectRefused(server, peer, note, /evidence notes/)
    const suggestion = clientEdit(server, (c) =>
      suggestPeerLevel(c, peer.personId, '1a', {
        level: 'emerging',
        reasoning: 'Little evidence of co-design',
      }),
    )
    expect(guardUpdate(server, suggestion, peer, shape).allowed).toBe(true)
    const comment = clientEdit(server, (c) =>
      addComment(c, peer.personId, {
        anchor: { areaId: '1a', itemId: null },
        body: { type: 'doc', content: [] },
        text: 'Where is the evidence?',
        mentions: [],
        layer: 'peer',
      }),
    )
    expect(guardUpdate(server, comment, peer, shape).allowed).toBe(true)
    setReviewClosed(server, Date.now())
    expectRefused(server, peer, suggestion, /closed/)
    expectRefused(server, peer, comment, /closed/)
  })

  it("refuses a participant posing as the peer layer or editing another's comment", () => {
    const server = serverDoc()
    const peerLayer = clientEdit(server, (c) =>
      addComment(c, alice.personId, {
        anchor: { areaId: '1a', itemId: null },
        body: { type: 'doc', content: [] },
        text: 'x',
        mentions: [],
        layer: 'peer',
      }),
    )
    expectRefused(server, alice, peerLayer, /host layer/)
    let id = ''
    const chairs = clientEdit(server, (c) => {
      id = addComment(c, chair.personId, {
        anchor: { areaId: '1a', itemId: '1a.emerging.1' },
        body: { type: 'doc', content: [] },
        text: 'chair says',
        mentions: [],
        layer: 'host',
      })
    })
    Y.applyUpdate(server, chairs)
    const edit = clientEdit(server, (c) => {
      const map = c.getMap<Record<string, unknown>>('comments')
      map.set(id, { ...map.get(id), text: 'changed by alice' })
    })
    expectRefused(server, alice, edit, /own name|only its author/)
    const ownEdit = clientEdit(server, (c) =>
      editComment(c, chair.personId, id, { type: 'doc', content: [] }, 'edited', []),
    )
    expect(guardUpdate(server, ownEdit, chair, shape).allowed).toBe(true)
  })

  it("lets a peer reviewer resolve the review's own threads but not the host's", () => {
    const server = serverDoc()
    const comment = (writer: Writer, layer: 'host' | 'peer') => {
      let id = ''
      Y.applyUpdate(
        server,
        clientEdit(server, (c) => {
          id = addComment(c, writer.personId, {
            anchor: { areaId: '1a', itemId: null },
            body: { type: 'doc', content: [] },
            text: 'x',
            mentions: [],
            layer,
          })
        }),
      )
      return id
    }
    const hostThread = comment(alice, 'host')
    const peerThread = comment(peer, 'peer')
    const resolveHost = clientEdit(server, (c) => setThreadResolved(c, peer.personId, hostThread, true))
    expectRefused(server, peer, resolveHost, /only peer-review threads/)
    const resolvePeer = clientEdit(server, (c) => setThreadResolved(c, peer.personId, peerThread, true))
    expect(guardUpdate(server, resolvePeer, peer, shape).allowed).toBe(true)
    const hostResolvesPeer = clientEdit(server, (c) => setThreadResolved(c, alice.personId, peerThread, true))
    expect(guardUpdate(server, hostResolvesPeer, alice, shape).allowed).toBe(true)
  })

  it('lets a participant propose but not agree an action', () => {
    const server = serverDoc()
    let id = ''
    const proposal = clientEdit(server, (c) => {
      id = proposeAction(c, alice.personId, {
        youSaid: 'Meetings are held in working hours',
        raisedBy: ['vcse'],
        weDid: '',
        owner: '',
        dueDate: null,
        areaIds: ['1a'],
      })
    })
    expect(guardUpdate(server, proposal, alice, shape).allowed).toBe(true)
    Y.applyUpdate(server, proposal)
    const agree = clientEdit(server, (c) => updateAction(c, alice.personId, id, { status: 'agreed' }))
    expectRefused(server, alice, agree, /only a chair/)
    expect(guardUpdate(server, agree, chair, shape).allowed).toBe(true)
  })

  it("refuses a participant's proposal that claims to come from an earlier assessment", () => {
    const server = serverDoc()
    const entry = {
      assessmentId: 'assess-0',
      title: 'Last year',
      startedAt: '2025-01-01T00:00:00.000Z',
      actionId: 'old-action',
      status: 'agreed' as const,
      agreed: { sessionNumber: 1, sessionStartedAt: 0 },
      feedback: { toldAt: '2025-02-01', how: 'Letter' },
      carriedAt: 1,
    }
    let id = ''
    const proposal = clientEdit(server, (c) => {
      id = proposeAction(c, alice.personId, {
        youSaid: 'Hold meetings in the evening',
        raisedBy: ['vcse'],
        weDid: '',
        owner: '',
        dueDate: null,
        areaIds: ['1a'],
      })
    })
    Y.applyUpdate(server, proposal)
    const forge = (patch: Parameters<typeof updateAction>[3]) =>
      clientEdit(server, (c) => updateAction(c, alice.personId, id, patch))
    expectRefused(server, alice, forge({ history: [entry] }), /where an action came from/)
    expectRefused(server, alice, forge({ carriedFrom: 'old-action' }), /where an action came from/)
    // Editing the words of one's own proposal is still allowed, and a chair may set anything.
    expect(guardUpdate(server, forge({ youSaid: 'Evening meetings, please' }), alice, shape).allowed).toBe(
      true,
    )
    expect(guardUpdate(server, forge({ history: [entry] }), chair, shape).allowed).toBe(true)
  })

  it('refuses dropping an action without a reason, from a chair or a participant', () => {
    const server = serverDoc()
    let id = ''
    const proposal = clientEdit(server, (c) => {
      id = proposeAction(c, alice.personId, {
        youSaid: 'Pay people for their time',
        raisedBy: ['lived-experience'],
        weDid: '',
        owner: '',
        dueDate: null,
        areaIds: ['1a'],
      })
    })
    Y.applyUpdate(server, proposal)
    const drop = (reason: string) =>
      clientEdit(server, (c) =>
        updateAction(c, chair.personId, id, { status: 'dropped', droppedReason: reason }),
      )
    expectRefused(server, chair, drop(''), /dropped action needs a reason/)
    expectRefused(server, chair, drop('   '), /dropped action needs a reason/)
    const ownDrop = clientEdit(server, (c) => updateAction(c, alice.personId, id, { status: 'dropped' }))
    expectRefused(server, alice, ownDrop, /dropped action needs a reason/)
    expect(guardUpdate(server, drop('The budget for 2025 is already committed'), chair, shape).allowed).toBe(
      true,
    )
  })

  it('keeps ticks for a blind area out of the shared board', () => {
    const server = serverDoc()
    startBlindRound(server, chair.personId, '1a')
    const tick = clientEdit(server, (c) => setTick(c, alice.personId, '1a.emerging.1', true))
    expectRefused(server, alice, tick, /blind round/)
    const elsewhere = clientEdit(server, (c) => setTick(c, alice.personId, '2a.emerging.1', true))
    expect(guardUpdate(server, elsewhere, alice, shape).allowed).toBe(true)
    expect(guardUpdate(server, tick, { ...alice, documentKind: 'blind' }, shape).allowed).toBe(true)
  })

  it('refuses server-only roots, unknown roots and nested types in record maps', () => {
    const server = serverDoc()
    expectRefused(
      server,
      chair,
      clientEdit(server, (c) => metaMap(c).set('reviewClosedAt', null)),
      /only the server/,
    )
    const forgedPerson = clientEdit(server, (c) =>
      peopleMap(c).set('alice-01', {
        id: 'alice-01',
        name: 'Someone Else',
        organisation: 'x',
        group: 'ics',
        role: 'chair',
        colour: '#005eb8',
        joinedAt: 1,
      }),
    )
    expectRefused(server, chair, forgedPerson, /only the server/)
    expectRefused(
      server,
      chair,
      clientEdit(server, (c) => c.getArray('sneaky').push([1])),
      /not part of the board/,
    )
    expectRefused(
      server,
      alice,
      clientEdit(server, (c) => ticksMap(c as Y.Doc).set('alice-01/1a.emerging.1', new Y.Map() as never)),
      /plain records/,
    )
    expectRefused(
      server,
      chair,
      clientEdit(server, (c) => liveMap(c).set('mystery', 'x')),
      /session setting/,
    )
  })

  it('accepts notes written together, including edits inside existing paragraphs', () => {
    const server = serverDoc()
    const first = clientEdit(server, (c) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('Evidence: ')])
      noteFragment(c, '1a').insert(0, [paragraph])
    })
    expect(guardUpdate(server, first, alice, shape).allowed).toBe(true)
    Y.applyUpdate(server, first)
    const more = clientEdit(server, (c) => {
      const text = (noteFragment(c, '1a').get(0) as Y.XmlElement).get(0) as Y.XmlText
      text.insert(10, 'the VCSE forum minutes', { bold: true })
    })
    expect(guardUpdate(server, more, chair, shape).allowed).toBe(true)
  })

  it('accepts an offline burst where a value was set and overwritten before syncing', () => {
    const server = serverDoc()
    const burst = clientEdit(server, (c) => {
      setTick(c, alice.personId, '1a.emerging.1', true)
      setTick(c, alice.personId, '1a.emerging.1', false)
      setTick(c, alice.personId, '1a.emerging.2', true)
    })
    expect(guardUpdate(server, burst, alice, shape).allowed).toBe(true)
  })

  it('refuses garbage bytes and updates that depend on content the server lacks', () => {
    const server = serverDoc()
    expectRefused(server, alice, new Uint8Array([1, 2, 3, 250, 250]), /could not be read|does not have/)
    const other = new Y.Doc()
    setTick(other, alice.personId, '1a.emerging.1', true)
    const before = Y.encodeStateVector(other)
    setTick(other, alice.personId, '1a.emerging.1', false)
    expectRefused(server, alice, Y.encodeStateAsUpdate(other, before), /gap/)
  })
})
