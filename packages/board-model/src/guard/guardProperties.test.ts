import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clientOwner, encodeClaims } from '../clientClaims.ts'
import type { OwnedKey } from '../records/ownedKey.ts'
import { peerKey } from '../records/peerSuggestion.ts'
import { tickKey } from '../records/tick.ts'
import type { Role } from '../roles.ts'
import { agreedMap, noteFragment, peerMap, ROOTS, ticksMap } from '../roots.ts'
import { recordAgreedLevel, suggestPeerLevel } from '../write/levels.ts'
import { initBoard } from '../write/server.ts'
import { setTick } from '../write/ticks.ts'
import { boardShape } from './boardShape.ts'
import { guardUpdate } from './guardUpdate.ts'

// Random updates from random roles, with random client ids, gaps and deletions: whatever the gate
// accepts, the board never breaks a write rule, nothing waits in Yjs's pending queue, and honest
// clients (online, or offline for a while and then reconnecting) are never refused and converge.

const AREAS = ['1a', '1b']
const ITEMS = ['1a.emerging.1', '1a.emerging.2', '1b.emerging.1']
const shape = boardShape(AREAS.map((id) => ({ id, itemIds: ITEMS.filter((item) => item.startsWith(id)) })))
const PEOPLE: Array<{ personId: string; role: Role }> = [
  { personId: 'chair-01', role: 'chair' },
  { personId: 'ivy-0001', role: 'participant' },
  { personId: 'vic-0001', role: 'participant' },
  { personId: 'pat-0001', role: 'peer-reviewer' },
  { personId: 'obs-0001', role: 'observer' },
]
/** The client id the server's write gate writes claims under. */
const CLAIMANT = 7_777_777
const ALLOWED_ROOTS = new Set<string>([...Object.values(ROOTS), ...AREAS.map((a) => `note:${a}`)])

interface Honest {
  personId: string
  role: Role
  doc: Y.Doc
  online: boolean
}

type Op =
  | { kind: 'honest'; who: number; what: number; item: number; flag: boolean }
  | { kind: 'offline'; who: number }
  | { kind: 'reconnect'; who: number }
  | {
      kind: 'hostile'
      who: number
      /** 0: a fresh id, 1: an honest person's id, 2: the server's id */
      idFrom: number
      victim: number
      root: number
      key: number
      op: number
      gap: boolean
      dead: boolean
    }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('honest' as const),
    who: fc.nat(3),
    what: fc.nat(3),
    item: fc.nat(ITEMS.length - 1),
    flag: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('offline' as const), who: fc.nat(3) }),
  fc.record({ kind: fc.constant('reconnect' as const), who: fc.nat(3) }),
  fc.record({
    kind: fc.constant('hostile' as const),
    who: fc.nat(PEOPLE.length - 1),
    idFrom: fc.nat(2),
    victim: fc.nat(3),
    root: fc.nat(7),
    key: fc.nat(5),
    op: fc.nat(2),
    gap: fc.boolean(),
    dead: fc.boolean(),
  }),
)

const HOSTILE_ROOTS = [
  ROOTS.ticks,
  ROOTS.agreed,
  ROOTS.peer,
  ROOTS.meta,
  ROOTS.clients,
  'note:1a',
  'sneaky',
  'note:9z',
]

function hostileKey(root: string, n: number): string {
  const person = PEOPLE[n % PEOPLE.length]!.personId
  switch (root) {
    case ROOTS.ticks:
      return `${person}/${[...ITEMS, '9z.emerging.1'][n % 4]}`
    case ROOTS.peer:
      return `${person}/${[...AREAS, '9z'][n % 3]}`
    case ROOTS.agreed:
      return [...AREAS, '9z'][n % 3]!
    default:
      return `k${n}`
  }
}

function run(ops: Op[]): void {
  const server = new Y.Doc()
  initBoard(server, { assessmentId: 'assess-1', frameworkId: 'f', frameworkVersion: '1' })
  const honest: Honest[] = PEOPLE.slice(0, 4).map(({ personId, role }) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    return { personId, role, doc, online: true }
  })
  const writerOf = (personId: string) => PEOPLE.find((p) => p.personId === personId)!
  // Honest browsers announce their client id in presence as they connect.
  const presence = new Map(honest.map((client) => [client.doc.clientID, client.personId]))

  /** The server's gate: check, claim, apply; returns whether it was accepted. */
  const send = (personId: string, update: Uint8Array): boolean => {
    const { role } = writerOf(personId)
    const verdict = guardUpdate(server, update, { personId, role, documentKind: 'board' }, shape, presence)
    if (!verdict.allowed) return false
    const before = Y.encodeStateVector(server)
    // As the write gate does: the claims as an update under the gate's own client id, then the update.
    if (verdict.claims.length > 0)
      Y.applyUpdate(server, encodeClaims(server, CLAIMANT, verdict.claims, personId))
    Y.applyUpdate(server, update)
    const change = Y.encodeStateAsUpdate(server, before)
    for (const client of honest) if (client.online) Y.applyUpdate(client.doc, change)
    return true
  }
  const reconnect = (client: Honest) => {
    const mine = Y.encodeStateAsUpdate(client.doc, Y.encodeStateVector(server))
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client.doc)))
    client.online = true
    expect(send(client.personId, mine)).toBe(true)
  }

  for (const op of ops) {
    if (op.kind === 'offline') honest[op.who]!.online = false
    else if (op.kind === 'reconnect') {
      if (!honest[op.who]!.online) reconnect(honest[op.who]!)
    } else if (op.kind === 'honest') {
      const client = honest[op.who]!
      const before = Y.encodeStateVector(client.doc)
      const item = ITEMS[op.item]!
      const area = item.slice(0, 2)
      if (client.role === 'peer-reviewer')
        suggestPeerLevel(client.doc, client.personId, area, { level: 'emerging', reasoning: 'why' })
      else if (client.role === 'chair' && op.what === 0)
        recordAgreedLevel(client.doc, client.personId, area, {
          level: 'emerging',
          rationale: 'because',
          dissent: '',
          sessionId: null,
        })
      else if (op.what === 1) {
        const note = noteFragment(client.doc, area)
        if (note.length === 0 || op.flag) note.insert(0, [new Y.XmlText(`from ${client.personId}`)])
        else note.delete(0, 1)
      } else setTick(client.doc, client.personId, item, op.flag)
      if (client.online) {
        // An honest client's change is always accepted.
        expect(send(client.personId, Y.encodeStateAsUpdate(client.doc, before))).toBe(true)
      }
    } else {
      const attacker = PEOPLE[op.who]!
      const forged = new Y.Doc()
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(server))
      const victim = honest[op.victim]!
      // Reusing one's own browser's id from a second document is a collision, not an attack on others.
      if (op.idFrom === 1 && victim.personId !== attacker.personId) forged.clientID = victim.doc.clientID
      if (op.idFrom === 2) forged.clientID = server.clientID
      const root = HOSTILE_ROOTS[op.root]!
      const key = hostileKey(root, op.key)
      const first = Y.encodeStateVector(forged)
      if (op.gap) forged.getMap(ROOTS.ticks).set(`${attacker.personId}/${ITEMS[0]}`, { ticked: true, at: 1 })
      const second = Y.encodeStateVector(forged)
      forged.transact(() => {
        if (root.startsWith('note:')) {
          const note = forged.getXmlFragment(root)
          if (op.op === 2 && note.length > 0) note.delete(0, 1)
          else note.insert(0, [new Y.XmlText('forged')])
        } else {
          const map = forged.getMap(root)
          if (op.op === 2) map.delete(key)
          else map.set(key, op.op === 0 ? { ticked: true, at: 2 } : 'garbage')
          if (op.dead) {
            map.set(key, { ticked: false, at: 3 })
            map.delete(key)
          }
        }
      })
      send(attacker.personId, Y.encodeStateAsUpdate(forged, op.gap ? second : first))
    }
    checkInvariants(server)
  }

  for (const client of honest) if (!client.online) reconnect(client)
  for (const client of honest) {
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client.doc)))
    expect(Y.encodeStateVector(client.doc)).toEqual(Y.encodeStateVector(server))
    expect(ticksMap(client.doc).toJSON()).toEqual(ticksMap(server).toJSON())
    expect(noteFragment(client.doc, '1a').toString()).toEqual(noteFragment(server, '1a').toString())
  }
}

/** The write rules, read off the accepted board: who wrote each entry, by the claim on its client id. */
function checkInvariants(server: Y.Doc): void {
  expect(server.store.pendingStructs).toBeNull()
  expect(server.store.pendingDs).toBeNull()
  for (const name of server.share.keys()) expect(ALLOWED_ROOTS.has(name)).toBe(true)
  const writtenBy = (item: Y.Item) =>
    item.id.client === server.clientID || item.id.client === CLAIMANT
      ? 'server'
      : clientOwner(server, item.id.client)
  const ownedEntries = (map: Y.Map<unknown>, codec: OwnedKey<string, string>) => {
    for (const [key, item] of map._map) {
      const owner = codec.decode(key)?.personId
      expect(writtenBy(item)).toBe(owner)
    }
  }
  ownedEntries(ticksMap(server) as Y.Map<unknown>, tickKey)
  ownedEntries(peerMap(server) as Y.Map<unknown>, peerKey)
  for (const [key, item] of agreedMap(server)._map) {
    expect(AREAS).toContain(key)
    expect(writtenBy(item)).toBe('chair-01')
  }
  for (const key of ticksMap(server).keys()) expect(ITEMS).toContain(tickKey.decode(key)!.rest)
  for (const root of [ROOTS.meta, ROOTS.people, ROOTS.clients]) {
    for (const item of server.getMap(root)._map.values()) expect(writtenBy(item)).toBe('server')
  }
}

describe('the write gate, on random updates', () => {
  it('never accepts a board that breaks a write rule, and honest clients always converge', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => run(ops)),
      { numRuns: 150 },
    )
  })
})
