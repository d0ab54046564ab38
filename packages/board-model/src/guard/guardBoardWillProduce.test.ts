import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clientOwner, encodeClaims } from '../clientClaims.ts'
import { actionsMap, clientsMap, commentsMap, noteFragment, ticksMap } from '../roots.ts'
import { type ActionDraft, agreeAction, proposeAction } from '../write/actions.ts'
import { addComment, editComment } from '../write/comments.ts'
import { initBoard } from '../write/server.ts'
import { setTick } from '../write/ticks.ts'
import { BOARD_LIMITS, boardShape } from './boardShape.ts'
import { guardUpdate } from './guardUpdate.ts'
import type { Writer } from './writeRules.ts'

// The write gate judges the board an update will produce: these are the routes a hostile client
// used to get round a guard that judged only the board it saw.

/** The client id the server's write gate writes claims under. */
const CLAIMANT = 7_777_777
const shape = boardShape([{ id: '1a', itemIds: ['1a.emerging.1', '1a.emerging.2'] }])
const alice: Writer = { personId: 'alice-01', role: 'participant', documentKind: 'board' }
const chair: Writer = { personId: 'chair-01', role: 'chair', documentKind: 'board' }
const peer: Writer = { personId: 'peer-001', role: 'peer-reviewer', documentKind: 'board' }

const draft = (fields: Partial<ActionDraft>): ActionDraft => ({
  youSaid: 'Meet in the evening',
  raisedBy: [],
  weDid: '',
  owner: '',
  dueDate: null,
  areaIds: [],
  ...fields,
})

function serverDoc(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { assessmentId: 'assess-1', frameworkId: 'cqc-hi-2025', frameworkVersion: '1.0.0' })
  return doc
}

/** A client in sync with the server, with a client id of its own. */
function clientOf(server: Y.Doc): Y.Doc {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  return client
}

function changeOf(client: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(client)
  edit(client)
  return Y.encodeStateAsUpdate(client, before)
}

/** What the server's gate does with an accepted update: claims first, then applies. */
function accept(server: Y.Doc, update: Uint8Array, writer: Writer): void {
  const verdict = guardUpdate(server, update, writer, shape)
  if (!verdict.allowed) throw new Error(`refused: ${verdict.reason}`)
  if (verdict.claims.length > 0)
    Y.applyUpdate(server, encodeClaims(server, CLAIMANT, verdict.claims, writer.personId))
  Y.applyUpdate(server, update)
}

function reasonFor(server: Y.Doc, update: Uint8Array, writer: Writer): string | null {
  const verdict = guardUpdate(server, update, writer, shape)
  return verdict.allowed ? null : verdict.reason
}

describe('an update is accepted only if it applies completely now', () => {
  it('refuses a gapped update that would otherwise wait, unchecked, for a harmless one to fill the gap', () => {
    const server = serverDoc()
    const chairClient = clientOf(server)
    let actionId = ''
    const proposal = changeOf(chairClient, (c) => {
      actionId = proposeAction(c, chair.personId, draft({ youSaid: 'Evening meetings', areaIds: ['1a'] }))
    })
    accept(server, proposal, chair)
    accept(
      server,
      changeOf(chairClient, (c) => agreeAction(c, chair.personId, actionId, null)),
      chair,
    )

    // Alice writes two updates, sends only the second: it sits above the server's clock for her id.
    const aliceClient = clientOf(server)
    const filler = changeOf(aliceClient, (c) => setTick(c, alice.personId, '1a.emerging.1', true))
    const before = Y.encodeStateVector(aliceClient)
    aliceClient.transact(() => {
      actionsMap(aliceClient).set(actionId, {
        ...actionsMap(aliceClient).get(actionId)!,
        status: 'proposed',
        youSaid: 'Rewritten',
      })
    })
    const gapped = Y.encodeStateAsUpdate(aliceClient, before)
    expect(reasonFor(server, gapped, alice)).toMatch(/gap/)
    accept(server, filler, alice)
    expect(actionsMap(server).get(actionId)?.status).toBe('agreed')
    expect(server.store.pendingStructs).toBeNull()
  })

  it('refuses an update whose origin the server has not received, and one deleting what it lacks', () => {
    const server = serverDoc()
    const elsewhere = clientOf(server)
    changeOf(elsewhere, (c) => noteFragment(c, '1a').insert(0, [new Y.XmlText('never sent')]))
    // Alice has the other device's text (say, through a shared browser) and builds on it.
    const aliceClient = clientOf(elsewhere)
    const dependent = changeOf(aliceClient, (c) =>
      (noteFragment(c, '1a').get(0) as Y.XmlText).insert(0, 'more '),
    )
    expect(reasonFor(server, dependent, alice)).toMatch(/has not received/)
    const removal = changeOf(elsewhere, (c) => noteFragment(c, '1a').delete(0, 1))
    expect(reasonFor(server, removal, alice)).toMatch(/has not received|removes/)
  })
})

describe('a client id belongs to the person who first wrote with it', () => {
  it('records a first write as a claim and refuses a second person writing under it', () => {
    const server = serverDoc()
    const client = clientOf(server)
    accept(
      server,
      changeOf(client, (c) => setTick(c, alice.personId, '1a.emerging.1', true)),
      alice,
    )
    expect(clientOwner(server, client.clientID)).toBe(alice.personId)
    // The same Yjs client, now speaking for the chair (a stolen id), writes something the chair may.
    const hijack = changeOf(client, (c) => proposeAction(c, chair.personId, draft({})))
    expect(reasonFor(server, hijack, chair)).toMatch(/another person/)
  })

  it('refuses a GC struct under an offline chair’s client id, which would have dropped their edits', () => {
    const server = serverDoc()
    const chairClient = clientOf(server)
    accept(
      server,
      changeOf(chairClient, (c) => proposeAction(c, chair.personId, draft({}))),
      chair,
    )
    // A hand-built update: one GC struct of length 1,000,000 at the chair's next clock.
    const forged = gcUpdate(chairClient.clientID, Y.getState(server.store, chairClient.clientID), 1_000_000)
    expect(reasonFor(server, forged, alice)).toMatch(/another person/)
  })

  it('refuses writing under a client id the server or an earlier writer already used but nobody claimed', () => {
    const server = serverDoc()
    // initBoard wrote under the server's own client id, which no client may continue.
    const forged = gcUpdate(server.clientID, Y.getState(server.store, server.clientID), 1)
    expect(reasonFor(server, forged, alice)).toMatch(/another person/)
    expect(clientsMap(server).size).toBe(0)
  })
})

describe('every map entry passes the root and role checks', () => {
  it('refuses a dead entry (deleted in the same update) that would create a new root on every client', () => {
    const server = serverDoc()
    const client = clientOf(server)
    const sneaky = changeOf(client, (c) => {
      const map = c.getMap('sneaky')
      map.set('x', 1)
      map.set('x', 2) // overwritten, so the first set travels as deleted content
      map.delete('x')
    })
    expect(reasonFor(server, sneaky, peer)).toMatch(/not part of the board/)
  })

  it('refuses a dead entry under another person’s tick key', () => {
    const server = serverDoc()
    const client = clientOf(server)
    const dead = changeOf(client, (c) => {
      ticksMap(c).set('bob-0001/1a.emerging.1', { ticked: true, at: 1 })
      ticksMap(c).delete('bob-0001/1a.emerging.1')
    })
    expect(reasonFor(server, dead, alice)).toMatch(/your own ticks/)
  })
})

describe("the board's shape is the framework's", () => {
  it('refuses ticks for items and notes for areas the framework does not have', () => {
    const server = serverDoc()
    const client = clientOf(server)
    expect(
      reasonFor(
        server,
        changeOf(client, (c) => setTick(c, alice.personId, '9z.emerging.1', true)),
        alice,
      ),
    ).toMatch(/not a checklist item/)
    const other = clientOf(server)
    expect(
      reasonFor(
        server,
        changeOf(other, (c) => noteFragment(c, '9z').insert(0, [new Y.XmlText('x')])),
        alice,
      ),
    ).toMatch(/not part of the board/)
  })

  it('caps a note’s length, its depth and the kinds of thing it holds', () => {
    const server = serverDoc()
    const long = changeOf(clientOf(server), (c) =>
      noteFragment(c, '1a').insert(0, [new Y.XmlText('x'.repeat(BOARD_LIMITS.noteCharacters + 1))]),
    )
    expect(reasonFor(server, long, alice)).toMatch(/up to 20,000 characters/)
    const deep = changeOf(clientOf(server), (c) => {
      let parent: Y.XmlFragment | Y.XmlElement = noteFragment(c, '1a')
      for (let depth = 0; depth < BOARD_LIMITS.noteDepth + 2; depth++) {
        const child: Y.XmlElement = new Y.XmlElement('bulletList')
        parent.insert(0, [child])
        parent = child
      }
    })
    expect(reasonFor(server, deep, alice)).toMatch(/nest/)
    const map = changeOf(clientOf(server), (c) =>
      noteFragment(c, '1a').insert(0, [new Y.XmlHook('x') as unknown as Y.XmlText]),
    )
    expect(reasonFor(server, map, alice)).toMatch(/paragraphs, lists and text/)
  })

  it('accepts a note up to the limit, written in many small steps', () => {
    const server = serverDoc()
    const client = clientOf(server)
    accept(
      server,
      changeOf(client, (c) => noteFragment(c, '1a').insert(0, [new Y.XmlText('')])),
      alice,
    )
    for (let i = 0; i < 4; i++) {
      accept(
        server,
        changeOf(client, (c) => (noteFragment(c, '1a').get(0) as Y.XmlText).insert(0, 'x'.repeat(5_000))),
        alice,
      )
    }
    const over = changeOf(client, (c) => (noteFragment(c, '1a').get(0) as Y.XmlText).insert(0, 'y'))
    expect(reasonFor(server, over, alice)).toMatch(/characters/)
  })

  it('refuses an action naming an area the framework does not have, even from a chair', () => {
    const server = serverDoc()
    const update = changeOf(clientOf(server), (c) =>
      proposeAction(c, chair.personId, draft({ areaIds: ['9z'] })),
    )
    expect(reasonFor(server, update, chair)).toMatch(/board’s areas/)
  })
})

/** An update holding one GC struct, in Yjs's update format v1: the raw form a hostile client sends. */
function gcUpdate(client: number, clock: number, length: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // clients
  encoding.writeVarUint(encoder, 1) // structs of this client
  encoding.writeVarUint(encoder, client)
  encoding.writeVarUint(encoder, clock)
  encoding.writeUint8(encoder, 0) // info: a GC struct
  encoding.writeVarUint(encoder, length)
  encoding.writeVarUint(encoder, 0) // an empty delete set
  return encoding.toUint8Array(encoder)
}

describe('anonymous comments', () => {
  const ivy: Writer = { ...alice, alias: 'anon-ivy-0001', group: 'vcse' }
  const newComment = (anonymous?: { alias: string; group: string }) => ({
    anchor: { areaId: '1a', itemId: null },
    body: { type: 'doc' as const, content: [] },
    text: 'I would not say this with my name on it',
    mentions: [],
    layer: 'host' as const,
    ...(anonymous ? { anonymous } : {}),
  })

  it('lets a participant post under their own anonymous name and group, and edit it later', () => {
    const server = serverDoc()
    const client = clientOf(server)
    let id = ''
    const post = changeOf(client, (c) => {
      id = addComment(c, ivy.personId, newComment({ alias: ivy.alias!, group: 'vcse' }))
    })
    expect(reasonFor(server, post, ivy)).toBeNull()
    accept(server, post, ivy)
    expect(commentsMap(server).get(id)).toMatchObject({ authorId: ivy.alias, anonymous: true, group: 'vcse' })
    const edit = changeOf(client, (c) =>
      editComment(c, ivy.alias!, id, { type: 'doc', content: [] }, 'Edited', []),
    )
    expect(reasonFor(server, edit, ivy)).toBeNull()
    // Someone else, even knowing the anonymous name, cannot change it.
    const other = changeOf(clientOf(server), (c) =>
      editComment(c, ivy.alias!, id, { type: 'doc', content: [] }, 'Not mine', []),
    )
    expect(
      reasonFor(server, other, { ...alice, personId: 'vic-0001', alias: 'anon-vic-0001', group: 'ics' }),
    ).toMatch(/only its author|your own anonymous name/)
  })

  it('refuses another anonymous name, another group, a chair posting anonymously, or unmasking a comment', () => {
    const server = serverDoc()
    const post = (writer: Writer, anonymous: { alias: string; group: string }) =>
      reasonFor(
        server,
        changeOf(clientOf(server), (c) => addComment(c, writer.personId, newComment(anonymous))),
        writer,
      )
    expect(post(ivy, { alias: 'anon-vic-0001', group: 'vcse' })).toMatch(/your own anonymous name/)
    expect(post(ivy, { alias: ivy.alias!, group: 'ics' })).toMatch(/your own anonymous name/)
    expect(
      post({ ...chair, alias: 'anon-chair-1', group: 'ics' }, { alias: 'anon-chair-1', group: 'ics' }),
    ).toMatch(/own name/)
    const client = clientOf(server)
    let id = ''
    const posted = changeOf(client, (c) => {
      id = addComment(c, ivy.personId, newComment({ alias: ivy.alias!, group: 'vcse' }))
    })
    accept(server, posted, ivy)
    const unmask = changeOf(client, (c) =>
      commentsMap(c).set(id, { ...commentsMap(c).get(id)!, anonymous: false, authorId: ivy.personId }),
    )
    expect(reasonFor(server, unmask, ivy)).toMatch(/keeps the name/)
  })
})

describe('claims made as an update before they are applied', () => {
  it('encodes claims as an update under the gate’s own client id, which applies completely', () => {
    const server = serverDoc()
    const claimant = 4242
    const update = encodeClaims(server, claimant, [11, 12], alice.personId)
    Y.applyUpdate(server, update)
    expect(server.store.pendingStructs).toBeNull()
    expect(clientOwner(server, 11)).toBe(alice.personId)
    expect(clientOwner(server, 12)).toBe(alice.personId)
    // A second batch continues the claimant's clock; an id already claimed is left as it is.
    Y.applyUpdate(server, encodeClaims(server, claimant, [12, 13], 'bob-0001'))
    expect(server.store.pendingStructs).toBeNull()
    expect(clientOwner(server, 12)).toBe(alice.personId)
    expect(clientOwner(server, 13)).toBe('bob-0001')
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(server))
    expect(clientsMap(copy).toJSON()).toEqual({
      '11': alice.personId,
      '12': alice.personId,
      '13': 'bob-0001',
    })
  })
})
