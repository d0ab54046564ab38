import { agreeAction, noteFragment, proposeAction, setTick, tickKey } from '@co-assess/board-model'
import { actionsMap, ticksMap } from '@co-assess/board-model/roots'
import { HocuspocusProvider } from '@hocuspocus/provider'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { serverWrite } from '../../apps/server/src/sync/serverWrite.ts'
import { RawSyncClient } from '../utils/rawSyncClient.ts'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// A hostile client with a valid invite and a real token, speaking raw y-protocols frames: every route
// that once got round the write gate. Each is refused with a reason, reaches no other connected
// client, leaves the victim's data as it was (also after a restart), and leaves the server running.

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

async function rawClient(documentName: string, token: string): Promise<RawSyncClient> {
  const raw = new RawSyncClient(t.wsUrl, documentName)
  await raw.authenticate(token)
  await waitFor(() => raw.isSynced)
  return raw
}

/** Sends an update and resolves with the server's refusal. */
async function expectRefusal(raw: RawSyncClient, update: Uint8Array, reason: RegExp): Promise<void> {
  raw.sendUpdate(update)
  const closed = await raw.closed
  expect(closed.reason).toMatch(/^Not saved/)
  expect(closed.reason).toMatch(reason)
  raw.close()
}

/** A change made on a copy of the client's document, not applied to it. */
function changeOn(doc: Y.Doc, edit: (copy: Y.Doc) => void, clientId?: number): Uint8Array {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  // Set after the state is applied: Yjs gives a document a new id when it receives its own id's structs.
  if (clientId !== undefined) copy.clientID = clientId
  const before = Y.encodeStateVector(copy)
  edit(copy)
  return Y.encodeStateAsUpdate(copy, before)
}

/**
 * Proves a refused change reached nobody: a marker written after it arrives at the watcher, and
 * updates are relayed in order, so anything broadcast before the marker would be there too.
 */
async function markerArrives(writer: { doc: Y.Doc }, personId: string, watcher: { doc: Y.Doc }) {
  const stamp = Date.now()
  setTick(writer.doc, personId, '7f.thriving.1', true, stamp)
  await waitFor(() => ticksMap(watcher.doc).get(tickKey(personId, '7f.thriving.1'))?.at === stamp)
}

/**
 * Makes the store refuse `name`'s appends (and, with `compacts`, its snapshots) as a full disk would,
 * while `full` is true; counts the refusals.
 */
function diskFull(name: string, { full = true, compacts = false } = {}) {
  const documents = t.server.storage.documents
  const append = documents.appendUpdate.bind(documents)
  const compact = documents.compact.bind(documents)
  const disk = { full, refusals: 0 }
  const refuse = () => {
    disk.refusals++
    return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
  }
  documents.appendUpdate = async (documentName, update) => {
    if (disk.full && documentName === name) throw refuse()
    return append(documentName, update)
  }
  if (compacts) {
    documents.compact = async (documentName, state) => {
      if (disk.full && documentName === name) throw refuse()
      return compact(documentName, state)
    }
  }
  return disk
}

async function restart(): Promise<void> {
  const dataDir = t.dataDir
  await t.stop({ keepData: true })
  t = await startTestServer({}, dataDir)
}

async function serverRuns(): Promise<void> {
  expect((await t.api('/api/health')).status).toBe(200)
}

describe('the write gate, against a hostile client', () => {
  it('refuses a gapped update that would have waited for a harmless one to fill the gap', async () => {
    const { assessmentId, chair, vcse } = await t.createRoom()
    const chairSide = await t.connect(assessmentId, chair.token)
    const actionId = proposeAction(chairSide.doc, chair.person.id, {
      youSaid: 'Hold meetings in the evening',
      raisedBy: ['vcse'],
      weDid: '',
      owner: '',
      dueDate: null,
      areaIds: ['1a'],
    })
    agreeAction(chairSide.doc, chair.person.id, actionId, null)
    const watcher = await t.connect(assessmentId, chair.token)
    await waitFor(() => actionsMap(watcher.doc).get(actionId)?.status === 'agreed')

    const attacker = await rawClient(assessmentId, vcse.token)
    const before = Y.encodeStateVector(attacker.doc)
    setTick(attacker.doc, vcse.person.id, '1a.emerging.1', true)
    const filler = Y.encodeStateAsUpdate(attacker.doc, before)
    const afterFiller = Y.encodeStateVector(attacker.doc)
    const agreed = actionsMap(attacker.doc).get(actionId)!
    actionsMap(attacker.doc).set(actionId, { ...agreed, status: 'proposed', youSaid: 'Rewritten' })
    const gapped = Y.encodeStateAsUpdate(attacker.doc, afterFiller)
    await expectRefusal(attacker, gapped, /gap/)

    // The harmless update that would once have released the parked one.
    const second = await rawClient(assessmentId, vcse.token)
    second.sendUpdate(filler)
    await waitFor(() => ticksMap(watcher.doc).get(tickKey(vcse.person.id, '1a.emerging.1'))?.ticked === true)
    await markerArrives(chairSide, chair.person.id, watcher)
    expect(actionsMap(watcher.doc).get(actionId)).toMatchObject({ status: 'agreed', youSaid: agreed.youSaid })
    expect(t.server.hocuspocus.documents.get(assessmentId)?.store.pendingStructs).toBeNull()
    second.close()
    await serverRuns()

    await restart()
    const reader = await t.connect(assessmentId, chair.token)
    expect(actionsMap(reader.doc).get(actionId)).toMatchObject({ status: 'agreed', youSaid: agreed.youSaid })
  })

  it("refuses a GC struct under the chair's client id, and the chair's later edits are kept", async () => {
    const { assessmentId, chair, vcse } = await t.createRoom()
    const chairSide = await t.connect(assessmentId, chair.token)
    setTick(chairSide.doc, chair.person.id, '1a.emerging.1', true)
    const watcher = await t.connect(assessmentId, vcse.token)
    await waitFor(() => ticksMap(watcher.doc).has(tickKey(chair.person.id, '1a.emerging.1')))

    const attacker = await rawClient(assessmentId, vcse.token)
    const chairClock = Y.getState(attacker.doc.store, chairSide.doc.clientID)
    await expectRefusal(attacker, gcUpdate(chairSide.doc.clientID, chairClock, 1_000_000), /another person/)

    setTick(chairSide.doc, chair.person.id, '1a.emerging.2', true)
    await waitFor(() => ticksMap(watcher.doc).has(tickKey(chair.person.id, '1a.emerging.2')))
    // Readers may have it before the store does; the chair's acknowledgement follows the store.
    await waitFor(() => chairSide.provider.unsyncedChanges === 0)
    await serverRuns()
    await restart()
    const reader = await t.connect(assessmentId, chair.token)
    expect(ticksMap(reader.doc).get(tickKey(chair.person.id, '1a.emerging.2'))?.ticked).toBe(true)
  })

  it('refuses writing as another person by reusing their client id with allowed content', async () => {
    const { assessmentId, chair, ics, vcse } = await t.createRoom()
    const victim = await rawClient(assessmentId, ics.token)
    victim.edit((d) => setTick(d, ics.person.id, '1a.emerging.1', true))
    const watcher = await t.connect(assessmentId, chair.token)
    await waitFor(() => ticksMap(watcher.doc).has(tickKey(ics.person.id, '1a.emerging.1')))

    const attacker = await rawClient(assessmentId, vcse.token)
    // The attacker's own tick, but written under the victim's client id.
    const forged = changeOn(
      attacker.doc,
      (d) => setTick(d, vcse.person.id, '1a.emerging.2', true),
      victim.doc.clientID,
    )
    await expectRefusal(attacker, forged, /another person/)
    await markerArrives(await t.connect(assessmentId, chair.token), chair.person.id, watcher)
    expect(ticksMap(watcher.doc).has(tickKey(vcse.person.id, '1a.emerging.2'))).toBe(false)
    victim.close()
    await serverRuns()
  })

  it('refuses claiming a client id another person announced in presence before they first wrote', async () => {
    const { assessmentId, chair, ics, vcse } = await t.createRoom()
    const watcher = await t.connect(assessmentId, chair.token)
    const victim = await rawClient(assessmentId, ics.token)
    victim.sendAwareness(victim.doc.clientID, { area: '1a' })
    await waitFor(() => watcher.provider.awareness?.getStates().has(victim.doc.clientID))
    const attacker = await rawClient(assessmentId, vcse.token)
    const preClaim = changeOn(
      attacker.doc,
      (d) => setTick(d, vcse.person.id, '1a.emerging.2', true),
      victim.doc.clientID,
    )
    await expectRefusal(attacker, preClaim, /another person/)
    victim.edit((d) => setTick(d, ics.person.id, '1a.emerging.1', true))
    await waitFor(() => ticksMap(watcher.doc).has(tickKey(ics.person.id, '1a.emerging.1')))
    expect(ticksMap(watcher.doc).has(tickKey(vcse.person.id, '1a.emerging.2'))).toBe(false)
    victim.close()
  })

  it('refuses a peer reviewer’s dead map entry that would create a new root on every client', async () => {
    const { assessmentId, chair } = await t.createRoom()
    const reviewer = await t.join(await t.invite(assessmentId, chair.token, 'peer-reviewer'), 'Pat', 'ics')
    const watcher = await t.connect(assessmentId, chair.token)
    const attacker = await rawClient(assessmentId, reviewer.token)
    const sneaky = changeOn(attacker.doc, (d) => {
      const map = d.getMap('sneaky')
      map.set('x', 1)
      map.set('x', 2)
      map.delete('x')
    })
    await expectRefusal(attacker, sneaky, /not part of the board/)
    await markerArrives(await t.connect(assessmentId, chair.token), chair.person.id, watcher)
    expect(watcher.doc.share.has('sneaky')).toBe(false)
    await serverRuns()
    await restart()
    const reader = await t.connect(assessmentId, chair.token)
    expect(reader.doc.share.has('sneaky')).toBe(false)
  })

  it('refuses what does not fit the framework: unknown items and areas, and an oversized note', async () => {
    const { assessmentId, chair, vcse } = await t.createRoom()
    const watcher = await t.connect(assessmentId, chair.token)
    const first = await rawClient(assessmentId, vcse.token)
    await expectRefusal(
      first,
      changeOn(first.doc, (d) => setTick(d, vcse.person.id, '9z.emerging.1', true)),
      /not a checklist item/,
    )
    const second = await rawClient(assessmentId, vcse.token)
    await expectRefusal(
      second,
      changeOn(second.doc, (d) => noteFragment(d, '9z').insert(0, [new Y.XmlText('x')])),
      /not part of the board/,
    )
    const third = await rawClient(assessmentId, vcse.token)
    const huge = changeOn(third.doc, (d) =>
      noteFragment(d, '1a').insert(0, [new Y.XmlText('x'.repeat(3_000_000))]),
    )
    await expectRefusal(third, huge, /up to 20,000 characters/)
    await markerArrives(await t.connect(assessmentId, chair.token), chair.person.id, watcher)
    expect(watcher.doc.share.has('note:9z')).toBe(false)
    expect(noteFragment(watcher.doc, '1a').length).toBe(0)
    await serverRuns()
  })

  it('refuses ticks and notes for areas the lead left out of scope', async () => {
    const { assessmentId, chair, vcse } = await t.createRoom()
    await t.server.storage.metadata.updateAssessment(assessmentId, {
      plan: { place: null, areaIds: ['1a'], horizon: 'looking-back', sessionDates: [] },
    })
    const watcher = await t.connect(assessmentId, chair.token)
    const outOfScope = await rawClient(assessmentId, vcse.token)
    await expectRefusal(
      outOfScope,
      changeOn(outOfScope.doc, (d) => setTick(d, vcse.person.id, '1b.emerging.1', true)),
      /not a checklist item/,
    )
    const inScope = await rawClient(assessmentId, vcse.token)
    inScope.edit((d) => setTick(d, vcse.person.id, '1a.emerging.1', true))
    await waitFor(() => ticksMap(watcher.doc).has(tickKey(vcse.person.id, '1a.emerging.1')))
    inScope.close()
  })

  it('passes on a real caret in presence and drops any other cursor shape', async () => {
    const { assessmentId, chair, vcse } = await t.createRoom()
    const watcher = await t.connect(assessmentId, chair.token)
    const sender = await rawClient(assessmentId, vcse.token)
    const clientId = sender.doc.clientID
    const caret = {
      anchor: { type: null, tname: 'note:1a', item: null, assoc: 0 },
      head: { type: null, tname: 'note:1a', item: null, assoc: 0 },
    }
    sender.sendAwareness(clientId, { area: '1a', cursor: caret }, 1)
    await waitFor(() => watcher.provider.awareness?.getStates().get(clientId)?.cursor !== undefined)
    expect(watcher.provider.awareness?.getStates().get(clientId)?.cursor).toEqual(caret)
    sender.sendAwareness(
      clientId,
      { area: '1a', cursor: { anchor: '<img src=x onerror=alert(1)>', head: 1 } },
      2,
    )
    await waitFor(() => watcher.provider.awareness?.getStates().get(clientId)?.cursor === null)
    sender.sendAwareness(clientId, { area: '1a', cursor: { ...caret, html: '<b>hi</b>' } }, 3)
    await waitFor(() => watcher.provider.awareness?.getStates().get(clientId)?.cursor === null)
    sender.close()
    await serverRuns()
  })
})

describe('the write gate, when the store refuses', () => {
  it('leaves a stock provider able to send the change again once the store is back', async () => {
    const { assessmentId, chair, vcse } = await t.createRoom()
    const disk = diskFull(assessmentId)
    const writer = await t.connect(assessmentId, vcse.token)
    setTick(writer.doc, vcse.person.id, '1a.emerging.1', true)
    await waitFor(() => disk.refusals > 0)
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0)
    disk.full = false
    await waitFor(() => writer.provider.isSynced && writer.provider.unsyncedChanges === 0, {
      timeout: 30_000,
    })
    const reader = await t.connect(assessmentId, chair.token)
    expect(ticksMap(reader.doc).get(tickKey(vcse.person.id, '1a.emerging.1'))?.ticked).toBe(true)
    await serverRuns()
  })
})

describe('nothing reaches a reader before it is stored', () => {
  /** Holds every append to `name` until `release` is called; counts them. */
  function holdAppends(name: string) {
    const documents = t.server.storage.documents
    const append = documents.appendUpdate.bind(documents)
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const state = { holding: 0, release: () => release() }
    documents.appendUpdate = async (documentName, update) => {
      if (documentName === name) {
        state.holding++
        await held
      }
      return append(documentName, update)
    }
    return state
  }

  /** The board as the store holds it. */
  async function storedBoard(assessmentId: string): Promise<Y.Doc> {
    const stored = new Y.Doc()
    Y.applyUpdate(stored, (await t.server.storage.documents.loadDocument(assessmentId))!)
    return stored
  }

  it('a client’s change reaches the other readers only once its append is stored, and its writer is acknowledged then', async () => {
    const { assessmentId, chair, vcse } = await t.createRoom()
    const reader = await t.connect(assessmentId, chair.token)
    const writer = await t.connect(assessmentId, vcse.token)
    const other = await t.connect(assessmentId, chair.token)
    // A first write, which claims the writer's client id.
    setTick(writer.doc, vcse.person.id, '1a.emerging.2', true)
    await waitFor(() => writer.provider.unsyncedChanges === 0)
    const hold = holdAppends(assessmentId)
    const key = tickKey(vcse.person.id, '1a.emerging.1')
    setTick(writer.doc, vcse.person.id, '1a.emerging.1', true)
    await waitFor(() => hold.holding > 0)
    // What the server sends a reader is in order: someone else's presence, changed after the tick
    // arrived, reaches the reader, and the tick, still unstored, has not.
    other.provider.setAwarenessField('area', '1a')
    await waitFor(() =>
      [...reader.provider.awareness!.getStates().values()].some((state) => state.area === '1a'),
    )
    expect(ticksMap(reader.doc).get(key)).toBeUndefined()
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0)
    hold.release()
    await waitFor(() => ticksMap(reader.doc).get(key)?.ticked === true)
    await waitFor(() => writer.provider.unsyncedChanges === 0)
    expect(ticksMap(await storedBoard(assessmentId)).get(key)?.ticked).toBe(true)
  })

  it('a change the store refused reaches nobody, and its writer’s resend is stored once the store is back', async () => {
    const { assessmentId, chair, vcse } = await t.createRoom()
    const disk = diskFull(assessmentId, { full: false })
    const reader = await t.connect(assessmentId, chair.token)
    const writer = await t.connect(assessmentId, vcse.token)
    setTick(writer.doc, vcse.person.id, '1a.emerging.2', true)
    await waitFor(() => writer.provider.unsyncedChanges === 0)
    disk.full = true
    const key = tickKey(vcse.person.id, '1a.emerging.1')
    setTick(writer.doc, vcse.person.id, '1a.emerging.1', true)
    await waitFor(() => disk.refusals > 0)
    // Not applied: neither the board in memory nor the reader has it, and its writer is not told it is saved.
    expect(ticksMap(t.server.hocuspocus.documents.get(assessmentId)!).get(key)).toBeUndefined()
    expect(ticksMap(reader.doc).get(key)).toBeUndefined()
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0)
    disk.full = false
    await waitFor(() => writer.provider.isSynced && writer.provider.unsyncedChanges === 0, {
      timeout: 30_000,
    })
    await waitFor(() => ticksMap(reader.doc).get(key)?.ticked === true)
    expect(ticksMap(await storedBoard(assessmentId)).get(key)?.ticked).toBe(true)
  })

  it('a change the server makes itself that the store refused reaches readers only once a snapshot holds it', async () => {
    const { assessmentId, chair } = await t.createRoom()
    const reader = await t.connect(assessmentId, chair.token)
    const disk = diskFull(assessmentId, { compacts: true })
    const key = tickKey('server-test', '1a.emerging.1')
    await serverWrite(t.server.hocuspocus, assessmentId, (doc) =>
      setTick(doc, 'server-test', '1a.emerging.1', true),
    ).catch(() => undefined)
    await waitFor(() => disk.refusals > 0)
    const board = t.server.hocuspocus.documents.get(assessmentId)!
    expect(ticksMap(board).get(key)?.ticked).toBe(true)
    let heard = 0
    reader.provider.on('stateless', () => heard++)
    board.broadcastStateless('marker')
    await waitFor(() => heard > 0)
    expect(ticksMap(reader.doc).get(key)).toBeUndefined()
    // The store is back: the server's own retry stores a snapshot, and only then is the change sent.
    disk.full = false
    await waitFor(() => ticksMap(reader.doc).get(key)?.ticked === true, { timeout: 20_000 })
    expect(ticksMap(await storedBoard(assessmentId)).get(key)?.ticked).toBe(true)
  })

  it('a change the server makes itself reaches no reader, nor a new one, before it is stored', async () => {
    const { assessmentId, chair, vcse } = await t.createRoom()
    const reader = await t.connect(assessmentId, chair.token)
    const hold = holdAppends(assessmentId)
    const key = tickKey('server-test', '1a.emerging.1')
    const writing = serverWrite(t.server.hocuspocus, assessmentId, (doc) =>
      setTick(doc, 'server-test', '1a.emerging.1', true),
    )
    await waitFor(() => hold.holding > 0)
    const board = t.server.hocuspocus.documents.get(assessmentId)!
    expect(ticksMap(board).get(key)?.ticked).toBe(true)

    // A newcomer connects and signs in meanwhile; its first sync waits.
    const newcomer = { doc: new Y.Doc(), heard: 0 }
    const provider = new HocuspocusProvider({
      url: t.wsUrl,
      name: assessmentId,
      token: vcse.token,
      document: newcomer.doc,
    })
    provider.on('stateless', () => newcomer.heard++)
    let readerHeard = 0
    reader.provider.on('stateless', () => readerHeard++)
    try {
      await waitFor(() => board.getConnections().length === 2)
      // A message sent after the change, not held: were the change on its way, it would be there first.
      board.broadcastStateless('marker')
      await waitFor(() => readerHeard > 0 && newcomer.heard > 0)
      expect(ticksMap(reader.doc).get(key)).toBeUndefined()
      expect(ticksMap(newcomer.doc).get(key)).toBeUndefined()
      expect(provider.isSynced).toBe(false)
      hold.release()
      await writing
      await waitFor(() => ticksMap(reader.doc).get(key)?.ticked === true)
      await waitFor(() => provider.isSynced && ticksMap(newcomer.doc).get(key)?.ticked === true)
      expect(ticksMap(await storedBoard(assessmentId)).get(key)?.ticked).toBe(true)
    } finally {
      provider.destroy()
    }
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
