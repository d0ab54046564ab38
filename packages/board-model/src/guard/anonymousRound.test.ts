import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LIVE_KEYS } from '../records/liveKey.ts'
import { liveMap, peopleMap } from '../roots.ts'
import type { AnonymousTally, Person, Round } from '../values.ts'
import { initBoard, setAnonymousTally } from '../write/server.ts'
import {
  endAnonymousRound,
  revealBlindRound,
  startAnonymousRound,
  startBlindRound,
} from '../write/session.ts'
import { setTick } from '../write/ticks.ts'
import { boardShape } from './boardShape.ts'
import { guardUpdate } from './guardUpdate.ts'
import type { Writer } from './writeRules.ts'

// The anonymous round's write rules: only a chair starts and ends it, nobody but the server writes
// its counts, and nothing can put its ticks on the board.

const shape = boardShape([{ id: '1a', itemIds: ['1a.emerging.1', '1a.emerging.2'] }])
const alice: Writer = { personId: 'alice-01', role: 'participant', documentKind: 'board' }
const chair: Writer = { personId: 'chair-01', role: 'chair', documentKind: 'board' }
const counts: AnonymousTally = {
  respondents: 1,
  respondentsByGroup: { vcse: 1 },
  items: { '1a.emerging.1': { vcse: 1 } },
  at: 1,
}

function serverDoc(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { assessmentId: 'assess-1', frameworkId: 'cqc-hi-2025', frameworkVersion: '1.0.0' })
  return doc
}

function clientEdit(server: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  edit(client)
  return Y.encodeStateAsUpdate(client, before)
}

const verdict = (server: Y.Doc, writer: Writer, edit: (c: Y.Doc) => void) =>
  guardUpdate(server, clientEdit(server, edit), writer, shape)

function refusedFor(server: Y.Doc, writer: Writer, edit: (c: Y.Doc) => void): string {
  const v = verdict(server, writer, edit)
  expect(v.allowed).toBe(false)
  return v.allowed ? '' : v.reason
}

function accept(server: Y.Doc, writer: Writer, edit: (c: Y.Doc) => void) {
  const update = clientEdit(server, edit)
  const v = guardUpdate(server, update, writer, shape)
  expect(v.allowed ? null : v.reason).toBeNull()
  Y.applyUpdate(server, update)
}

describe('anonymous round write rules', () => {
  it('lets only a chair start and end it', () => {
    const server = serverDoc()
    expect(refusedFor(server, alice, (c) => startAnonymousRound(c, alice.personId, '1a'))).toMatch(
      /only a chair/,
    )
    accept(server, chair, (c) => startAnonymousRound(c, chair.personId, '1a'))
    expect(refusedFor(server, alice, (c) => endAnonymousRound(c, alice.personId, '1a'))).toMatch(
      /only a chair/,
    )
    accept(server, chair, (c) => endAnonymousRound(c, chair.personId, '1a'))
    // Starting it again resumes the count.
    accept(server, chair, (c) => startAnonymousRound(c, chair.personId, '1a'))
  })

  it('refuses the counts from every client, the chair included, but the server writes them', () => {
    const server = serverDoc()
    accept(server, chair, (c) => startAnonymousRound(c, chair.personId, '1a'))
    for (const writer of [alice, chair, { ...alice, documentKind: 'blind' as const }]) {
      expect(refusedFor(server, writer, (c) => setAnonymousTally(c, '1a', counts))).toMatch(
        /only the server counts|private blind-round document/,
      )
    }
    setAnonymousTally(server, '1a', counts)
    expect(refusedFor(server, chair, (c) => liveMap(c).delete(LIVE_KEYS.tally('1a')))).toMatch(
      /only the server counts/,
    )
  })

  it('keeps its ticks off the board while it runs and after it ends, but takes them privately', () => {
    const server = serverDoc()
    accept(server, chair, (c) => startAnonymousRound(c, chair.personId, '1a'))
    const tick = (c: Y.Doc) => setTick(c, alice.personId, '1a.emerging.1', true)
    expect(refusedFor(server, alice, tick)).toMatch(/anonymous round/)
    expect(verdict(server, { ...alice, documentKind: 'blind' }, tick).allowed).toBe(true)
    accept(server, chair, (c) => endAnonymousRound(c, chair.personId, '1a'))
    expect(refusedFor(server, alice, tick)).toMatch(/anonymous round/)
  })

  it('never lets a chair reveal it, turn it blind or remove it, which would move its ticks onto the board', () => {
    const server = serverDoc()
    accept(server, chair, (c) => startAnonymousRound(c, chair.personId, '1a'))
    expect(refusedFor(server, chair, (c) => revealBlindRound(c, chair.personId, '1a'))).toMatch(
      /never revealed/,
    )
    expect(refusedFor(server, chair, (c) => startBlindRound(c, chair.personId, '1a'))).toMatch(
      /never revealed/,
    )
    accept(server, chair, (c) => endAnonymousRound(c, chair.personId, '1a'))
    expect(refusedFor(server, chair, (c) => revealBlindRound(c, chair.personId, '1a'))).toMatch(
      /never revealed/,
    )
  })

  it('keeps ticks off the board once counted, even if a chair removes the round', () => {
    const server = serverDoc()
    accept(server, chair, (c) => startAnonymousRound(c, chair.personId, '1a'))
    setAnonymousTally(server, '1a', counts)
    accept(server, chair, (c) => liveMap(c).delete(LIVE_KEYS.round('1a')))
    expect(refusedFor(server, alice, (c) => setTick(c, alice.personId, '1a.emerging.1', true))).toMatch(
      /anonymous round/,
    )
  })

  it('ends only a running anonymous round, and starts one only once a blind round is revealed', () => {
    const server = serverDoc()
    const ended: Round = { mode: 'anonymous-ended', startedAt: 1, revealedAt: 2 }
    expect(refusedFor(server, chair, (c) => liveMap(c).set(LIVE_KEYS.round('1a'), ended))).toMatch(
      /only a running anonymous round/,
    )
    accept(server, chair, (c) => startBlindRound(c, chair.personId, '1a'))
    expect(refusedFor(server, chair, (c) => startAnonymousRound(c, chair.personId, '1a'))).toMatch(
      /reveal the blind round/,
    )
    accept(server, chair, (c) => revealBlindRound(c, chair.personId, '1a'))
    accept(server, chair, (c) => startAnonymousRound(c, chair.personId, '1a'))
  })
})

describe('counting an anonymous round', () => {
  it('keeps numbers only, counts one person on two devices once, and reads back as a tally with nobody in it', async () => {
    const { countAnonymousRound, privateAreaTicks, tallyFromAnonymous } = await import(
      '../read/anonymousTally.ts'
    )
    const person = (id: string, group: string, name = id): Person => ({
      id,
      name,
      organisation: 'Org',
      group,
      role: 'participant',
      colour: '#000000',
      joinedAt: 0,
    })
    const board = serverDoc()
    const people = peopleMap(board)
    people.set('alice-01', person('alice-01', 'vcse', 'Alice'))
    people.set('alice-02', person('alice-02', 'vcse', 'Alice'))
    people.set('bobby-01', person('bobby-01', 'lived-experience'))
    const privateDoc = (personId: string, itemId: string, ticked: boolean, at: number) => {
      const doc = new Y.Doc()
      setTick(doc, personId, itemId, ticked, at)
      return { personId, doc }
    }
    const ticks = privateAreaTicks(
      [
        privateDoc('alice-01', '1a.emerging.1', true, 1),
        privateDoc('alice-02', '1a.emerging.1', true, 2),
        privateDoc('bobby-01', '1a.emerging.2', true, 1),
      ],
      '1a',
    )
    const area = {
      id: '1a',
      levels: [{ level: 'emerging', items: [{ id: '1a.emerging.1' }, { id: '1a.emerging.2' }] }],
    }
    const counted = countAnonymousRound('1a', ticks, new Map(people.entries()), 5)
    expect(counted).toEqual({
      respondents: 2,
      respondentsByGroup: { vcse: 1, 'lived-experience': 1 },
      items: { '1a.emerging.1': { vcse: 1 }, '1a.emerging.2': { 'lived-experience': 1 } },
      at: 5,
    })
    expect(JSON.stringify(counted)).not.toMatch(/alice|bobby/)
    const tally = tallyFromAnonymous(area, counted, ['vcse', 'lived-experience'])
    expect(tally.respondents).toBe(2)
    expect(tally.items.get('1a.emerging.1')).toMatchObject({
      ticked: 1,
      tickedBy: [],
      byGroup: [
        { group: 'vcse', ticked: 1, respondents: 1 },
        { group: 'lived-experience', ticked: 0, respondents: 1 },
      ],
      disagreement: true,
    })
  })
})
