import {
  blindDocumentName,
  revealBlindRound,
  setTick,
  startBlindRound,
  tickKey,
} from '@co-assess/board-model'
import { ticksMap } from '@co-assess/board-model/roots'
import { openStorageFromEnv } from '@co-assess/storage'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// The reveal merges private ticks once. These check the ticks that miss that moment still reach the
// board: one sent after the reveal, and one whose merge a restart cut short.

let t: TestServer
const extraProviders: HocuspocusProvider[] = []
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  for (const provider of extraProviders.splice(0)) provider.destroy()
  await t.stop()
})

const room = () => t.createRoom()

describe('blind-round ticks that miss the reveal', () => {
  it('a private tick that reaches the server after the reveal goes onto the board', async () => {
    const { assessmentId, chair, ics, vcse } = await room()
    const chairClient = await t.connect(assessmentId, chair.token)
    startBlindRound(chairClient.doc, chair.person.id, '1a')
    await waitFor(() => chairClient.provider.unsyncedChanges === 0)

    // Ivy ticks privately while her device is offline: the tick has not reached the server.
    const ivyPrivate = new Y.Doc()
    setTick(ivyPrivate, ics.person.id, '1a.emerging.2', true)

    // Vic's private tick is there at the reveal; seeing it on the board shows the reveal's merge ran.
    const vicPrivate = await t.connect(blindDocumentName(assessmentId, vcse.person.id), vcse.token)
    setTick(vicPrivate.doc, vcse.person.id, '1a.emerging.1', true)
    await waitFor(() => vicPrivate.provider.unsyncedChanges === 0)
    revealBlindRound(chairClient.doc, chair.person.id, '1a')
    await waitFor(() =>
      expect(ticksMap(chairClient.doc).get(tickKey(vcse.person.id, '1a.emerging.1'))?.ticked).toBe(true),
    )
    await waitFor(() => expect(ticksMap(vicPrivate.doc).size).toBe(0))

    // Ivy comes back online after the reveal and her waiting private tick goes up.
    const provider = new HocuspocusProvider({
      url: t.wsUrl,
      name: blindDocumentName(assessmentId, ics.person.id),
      token: ics.token,
      document: ivyPrivate,
    })
    extraProviders.push(provider)
    await waitFor(() => provider.isSynced)
    const ivyKey = tickKey(ics.person.id, '1a.emerging.2')
    await waitFor(() => expect(ticksMap(chairClient.doc).get(ivyKey)?.ticked).toBe(true))
    // It left the private document, so it can no longer stand in for her board tick.
    await waitFor(() => expect(ticksMap(ivyPrivate).has(ivyKey)).toBe(false))
    // And it is stored: a fresh client sees it.
    const fresh = await t.connect(assessmentId, vcse.token)
    expect(ticksMap(fresh.doc).get(ivyKey)?.ticked).toBe(true)
  })

  it('a late private tick does not undo a newer tick the person made on the board', async () => {
    const { assessmentId, chair, ics } = await room()
    const chairClient = await t.connect(assessmentId, chair.token)
    startBlindRound(chairClient.doc, chair.person.id, '1a')
    revealBlindRound(chairClient.doc, chair.person.id, '1a')
    await waitFor(() => chairClient.provider.unsyncedChanges === 0)
    const ivyBoard = await t.connect(assessmentId, ics.token)
    const key = tickKey(ics.person.id, '1a.emerging.3')
    setTick(ivyBoard.doc, ics.person.id, '1a.emerging.3', false, Date.now())
    await waitFor(() => ivyBoard.provider.unsyncedChanges === 0)

    const stale = new Y.Doc()
    setTick(stale, ics.person.id, '1a.emerging.3', true, Date.now() - 60_000)
    const provider = new HocuspocusProvider({
      url: t.wsUrl,
      name: blindDocumentName(assessmentId, ics.person.id),
      token: ics.token,
      document: stale,
    })
    extraProviders.push(provider)
    await waitFor(() => provider.isSynced)
    await waitFor(() => expect(ticksMap(stale).has(key)).toBe(false))
    expect(ticksMap(chairClient.doc).get(key)?.ticked).toBe(false)
  })

  it('a restart between the reveal and its merge still ends with the ticks on the board', async () => {
    const { assessmentId, chair, ics, vcse } = await room()
    const chairClient = await t.connect(assessmentId, chair.token)
    startBlindRound(chairClient.doc, chair.person.id, '1a')
    await waitFor(() => chairClient.provider.unsyncedChanges === 0)
    const ivyPrivate = await t.connect(blindDocumentName(assessmentId, ics.person.id), ics.token)
    setTick(ivyPrivate.doc, ics.person.id, '1a.developing.1', true)
    await waitFor(() => ivyPrivate.provider.unsyncedChanges === 0)
    const dataDir = t.dataDir
    const storeDir = t.server.deps.config.dataDir
    await t.stop({ keepData: true })

    // The reveal was stored, then the server died before its merge ran: written straight to the
    // store, as the server would have appended it.
    const storage = await openStorageFromEnv({ dataDir: storeDir })
    const stored = new Y.Doc()
    Y.applyUpdate(stored, (await storage.documents.loadDocument(assessmentId))!)
    const before = Y.encodeStateVector(stored)
    revealBlindRound(stored, chair.person.id, '1a')
    await storage.documents.appendUpdate(assessmentId, Y.encodeStateAsUpdate(stored, before))
    await storage.close()

    t = await startTestServer({}, dataDir)
    const key = tickKey(ics.person.id, '1a.developing.1')
    const vicBoard = await t.connect(assessmentId, vcse.token)
    await waitFor(() => expect(ticksMap(vicBoard.doc).get(key)?.ticked).toBe(true))
    const ivyAgain = await t.connect(blindDocumentName(assessmentId, ics.person.id), ics.token)
    await waitFor(() => expect(ticksMap(ivyAgain.doc).has(key)).toBe(false))
  })
})
