import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { recordAnswers, recordedMap, recordParticipant } from '../records/recordedParticipant.ts'
import { commentsMap, ticksMap } from '../roots.ts'
import type { Person } from '../values.ts'
import { addComment } from '../write/comments.ts'
import { initBoard, upsertPerson } from '../write/server.ts'
import { revealBlindRound, startBlindRound } from '../write/session.ts'
import { setTick } from '../write/ticks.ts'
import { boardShape } from './boardShape.ts'
import { guardUpdate } from './guardUpdate.ts'
import type { Writer } from './writeRules.ts'

const shape = boardShape([
  { id: '1a', itemIds: ['1a.emerging.1', '1a.emerging.2'] },
  { id: '2a', itemIds: ['2a.emerging.1'] },
])

const chair: Writer = { personId: 'chair-01', role: 'chair', documentKind: 'board' }
/** A chair invited to facilitate: the same role, with no group of their own. */
const facilitator: Writer = { personId: 'facil-01', role: 'chair', documentKind: 'board' }
const alice: Writer = { personId: 'alice-01', role: 'participant', documentKind: 'board' }
const peer: Writer = { personId: 'peer-001', role: 'peer-reviewer', documentKind: 'board' }
const observer: Writer = { personId: 'obs-0001', role: 'observer', documentKind: 'board' }

const person = (id: string, over: Partial<Person> = {}): Person => ({
  id,
  name: `Person ${id}`,
  organisation: '',
  group: 'vcse',
  role: 'participant',
  colour: '#005eb8',
  joinedAt: 1,
  ...over,
})

/** A board with a chair, a facilitator, a real participant (Alice) and Rosa, who took part on paper. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { assessmentId: 'assess-1', frameworkId: 'cqc-hi-2025', frameworkVersion: '1.0.0' })
  upsertPerson(doc, person(chair.personId, { role: 'chair', group: 'ics' }))
  upsertPerson(doc, person(facilitator.personId, { role: 'chair', group: null }))
  upsertPerson(doc, person(alice.personId))
  recordParticipant(doc, person('rosa-001', { name: 'Rosa Diaz', group: 'lived-experience' }), {
    how: 'paper',
    enteredBy: chair.personId,
    enteredAt: 2,
  })
  return doc
}

function clientEdit(server: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  edit(client)
  return Y.encodeStateAsUpdate(client, before)
}

const verdictOf = (server: Y.Doc, writer: Writer, update: Uint8Array) => {
  const verdict = guardUpdate(server, update, writer, shape)
  return verdict.allowed ? 'allowed' : verdict.reason
}

const rosasAnswers = (by: string) => (c: Y.Doc) =>
  recordAnswers(c, by, 'rosa-001', {
    ticks: [
      ['1a.emerging.1', true],
      ['1a.emerging.2', false],
    ],
    views: { areaId: '1a', text: 'We were never asked.\nThe forms are too long.' },
  })

describe('writing for someone who took part on paper or by phone', () => {
  it('lets a chair enter their ticks and views', () => {
    const server = serverDoc()
    expect(verdictOf(server, chair, clientEdit(server, rosasAnswers(chair.personId)))).toBe('allowed')
  })

  it('lets a facilitating chair (no group of their own) enter them too', () => {
    const server = serverDoc()
    expect(verdictOf(server, facilitator, clientEdit(server, rosasAnswers(facilitator.personId)))).toBe(
      'allowed',
    )
  })

  it('refuses a participant, a peer reviewer and an observer', () => {
    const server = serverDoc()
    for (const writer of [alice, peer, observer]) {
      const update = clientEdit(server, (c) => setTick(c, 'rosa-001', '1a.emerging.1', true))
      expect(verdictOf(server, writer, update)).not.toBe('allowed')
    }
    expect(
      verdictOf(
        server,
        alice,
        clientEdit(server, (c) => setTick(c, 'rosa-001', '1a.emerging.1', true)),
      ),
    ).toMatch(/your own ticks/)
  })

  it("refuses a participant writing the recorded person's views as a comment", () => {
    const server = serverDoc()
    const update = clientEdit(server, (c) =>
      addComment(c, 'rosa-001', {
        anchor: { areaId: '1a', itemId: null },
        body: { type: 'doc', content: [] },
        text: 'words put in her mouth',
        mentions: [],
        layer: 'host',
      }),
    )
    expect(verdictOf(server, alice, update)).toMatch(/your own name/)
  })

  it("refuses anyone, a chair included, writing a real participant's ticks or comments", () => {
    const server = serverDoc()
    for (const writer of [chair, facilitator]) {
      const tick = clientEdit(server, (c) => setTick(c, alice.personId, '1a.emerging.1', true))
      expect(verdictOf(server, writer, tick)).toMatch(/your own ticks/)
      const comment = clientEdit(server, (c) =>
        addComment(c, alice.personId, {
          anchor: { areaId: '1a', itemId: null },
          body: { type: 'doc', content: [] },
          text: 'not Alice',
          mentions: [],
          layer: 'host',
        }),
      )
      expect(verdictOf(server, writer, comment)).toMatch(/your own name/)
    }
    // Nor the chair's for the facilitator, nor the other way round: chairs are real people too.
    const other = clientEdit(server, (c) => setTick(c, facilitator.personId, '1a.emerging.1', true))
    expect(verdictOf(server, chair, other)).toMatch(/your own ticks/)
  })

  it('refuses a chair writing for an id that only looks recorded (no person record, or not a participant)', () => {
    const server = serverDoc()
    // A recorded entry without a person record (the server always writes both; a forged board might not).
    server.transact(() =>
      recordedMap(server).set('ghost-01', { how: 'phone', enteredBy: 'chair-01', enteredAt: 3 }),
    )
    expect(
      verdictOf(
        server,
        chair,
        clientEdit(server, (c) => setTick(c, 'ghost-01', '1a.emerging.1', true)),
      ),
    ).toMatch(/your own ticks/)
  })

  it('refuses every client writing the recorded people themselves, the chair too', () => {
    const server = serverDoc()
    for (const writer of [chair, alice]) {
      const forged = clientEdit(server, (c) =>
        recordedMap(c).set(alice.personId, { how: 'paper', enteredBy: writer.personId, enteredAt: 5 }),
      )
      expect(verdictOf(server, writer, forged)).toMatch(/only the server records who took part on paper/)
    }
  })

  it('keeps recorded ticks off the board during a blind round, and takes them after the reveal', () => {
    const server = serverDoc()
    Y.applyUpdate(
      server,
      clientEdit(server, (c) => startBlindRound(c, chair.personId, '1a')),
    )
    expect(verdictOf(server, chair, clientEdit(server, rosasAnswers(chair.personId)))).toMatch(/blind round/)
    Y.applyUpdate(
      server,
      clientEdit(server, (c) => revealBlindRound(c, chair.personId, '1a')),
    )
    expect(verdictOf(server, chair, clientEdit(server, rosasAnswers(chair.personId)))).toBe('allowed')
  })

  it("lets a chair correct a recorded person's entries, and their comment", () => {
    const server = serverDoc()
    const first = clientEdit(server, rosasAnswers(chair.personId))
    Y.applyUpdate(server, first)
    const [commentId] = [...commentsMap(server).keys()]
    const fix = clientEdit(server, (c) => {
      ticksMap(c).set('rosa-001/1a.emerging.2', { ticked: true, at: 9 })
      commentsMap(c).delete(commentId!)
    })
    expect(verdictOf(server, facilitator, fix)).toBe('allowed')
    expect(verdictOf(server, alice, fix)).not.toBe('allowed')
  })
})
