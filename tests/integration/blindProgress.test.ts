import {
  blindDocumentName,
  LIVE_KEYS,
  readBlindProgress,
  revealBlindRound,
  roundOf,
  setBlindProgress,
  setTick,
  startBlindRound,
  tickKey,
} from '@co-assess/board-model'
import { liveMap, ticksMap } from '@co-assess/board-model/roots'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RawSyncClient } from '../utils/rawSyncClient.ts'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// "4 of 7 have ticked" in a blind round, through the real server: the ticks are in each person's
// private document, the server counts how many people have ticked and writes that number alone to
// the board, and no other browser ever receives who ticked or what; no client may write the count.

let t: TestServer
const sockets: HocuspocusProviderWebsocket[] = []
const providers: HocuspocusProvider[] = []
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy()
  for (const socket of sockets.splice(0)) socket.destroy()
  await t.stop()
})

interface Browser {
  board: Y.Doc
  privateDoc: Y.Doc
  frames: Uint8Array[]
}

/** One person's browser: one socket carrying the board and their private document, as the web app opens them. */
async function openBrowser(assessmentId: string, personId: string, token: string): Promise<Browser> {
  const frames: Uint8Array[] = []
  const socket = new HocuspocusProviderWebsocket({ url: t.wsUrl })
  socket.on('message', (event: MessageEvent) => frames.push(new Uint8Array(event.data as ArrayBuffer)))
  sockets.push(socket)
  const open = (name: string) => {
    const document = new Y.Doc()
    const provider = new HocuspocusProvider({ websocketProvider: socket, name, token, document })
    provider.attach()
    providers.push(provider)
    return { document, provider }
  }
  const board = open(assessmentId)
  const privateDoc = open(blindDocumentName(assessmentId, personId))
  await waitFor(() => board.provider.isSynced && privateDoc.provider.isSynced)
  return { board: board.document, privateDoc: privateDoc.document, frames }
}

const bytes = (text: string) => new TextEncoder().encode(text)
function includes(frame: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= frame.length; i++) {
    for (let j = 0; j < needle.length; j++) if (frame[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}
const AREA_ITEMS = ['1a.emerging.1', '1a.emerging.2', '1a.developing.1']
/** Whether any frame holds this person's id together with one of the area's items. */
const revealsWho = (frames: Uint8Array[], personId: string) =>
  frames.some(
    (frame) => includes(frame, bytes(personId)) && AREA_ITEMS.some((id) => includes(frame, bytes(id))),
  )

const ticked = (board: Y.Doc) => readBlindProgress(board, '1a', roundOf(board, '1a'))?.ticked

describe('a blind round’s count of who has ticked', () => {
  it('counts people, not ticks, live for the chair, and reaches no browser with who or what', async () => {
    const { assessmentId, chair, ics, vcse } = await t.createRoom()
    const chairBrowser = await openBrowser(assessmentId, chair.person.id, chair.token)
    const ivy = await openBrowser(assessmentId, ics.person.id, ics.token)
    const vic = await openBrowser(assessmentId, vcse.person.id, vcse.token)

    startBlindRound(chairBrowser.board, chair.person.id, '1a')
    // The server counts as the round starts: nobody yet.
    await waitFor(() => expect(ticked(chairBrowser.board)).toBe(0))

    setTick(ivy.privateDoc, ics.person.id, '1a.emerging.1', true)
    await waitFor(() => expect(ticked(chairBrowser.board)).toBe(1))
    // Two ticks by one person are one person.
    setTick(vic.privateDoc, vcse.person.id, '1a.emerging.1', true)
    setTick(vic.privateDoc, vcse.person.id, '1a.emerging.2', true)
    await waitFor(() => expect(ticked(chairBrowser.board)).toBe(2))
    // Taking a tick back is still having ticked: Ivy has made up her mind.
    setTick(ivy.privateDoc, ics.person.id, '1a.emerging.1', false)
    // A tick in another area is not this area's.
    setTick(ivy.privateDoc, ics.person.id, '1b.emerging.1', true)
    await waitFor(() => expect(ticked(vic.board)).toBe(2))

    // The count is a number: nothing in it says who or which items.
    const stored = liveMap(chairBrowser.board).get(LIVE_KEYS.progress('1a'))
    expect(Object.keys(stored as object).sort()).toEqual(['at', 'roundStartedAt', 'ticked'])
    expect(chairBrowser.frames.length).toBeGreaterThan(0)
    for (const frames of [chairBrowser.frames, vic.frames])
      expect(revealsWho(frames, ics.person.id)).toBe(false)
    for (const frames of [chairBrowser.frames, ivy.frames])
      expect(revealsWho(frames, vcse.person.id)).toBe(false)

    // After the reveal the count is of no round running.
    revealBlindRound(chairBrowser.board, chair.person.id, '1a')
    await waitFor(() => expect(ticked(chairBrowser.board)).toBeUndefined())
    // Once the reveal has moved the ticks onto the board, a new round starts again from nobody.
    await waitFor(() =>
      expect(ticksMap(chairBrowser.board).has(tickKey(vcse.person.id, '1a.emerging.2'))).toBe(true),
    )
    startBlindRound(chairBrowser.board, chair.person.id, '1a')
    await waitFor(() => expect(ticked(chairBrowser.board)).toBe(0))
  })

  it('is refused from every client, the chair included', async () => {
    const { assessmentId, chair, ics } = await t.createRoom()
    const chairBrowser = await openBrowser(assessmentId, chair.person.id, chair.token)
    startBlindRound(chairBrowser.board, chair.person.id, '1a')
    await waitFor(() => expect(ticked(chairBrowser.board)).toBe(0))
    const startedAt = roundOf(chairBrowser.board, '1a')!.startedAt
    for (const token of [chair.token, ics.token]) {
      const raw = new RawSyncClient(t.wsUrl, assessmentId)
      await raw.authenticate(token)
      await waitFor(() => raw.isSynced)
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(raw.doc))
      const before = Y.encodeStateVector(copy)
      setBlindProgress(copy, '1a', { ticked: 7, roundStartedAt: startedAt, at: 1 })
      raw.sendUpdate(Y.encodeStateAsUpdate(copy, before))
      const closed = await raw.closed
      expect(closed.reason).toMatch(/^Not saved/)
      expect(closed.reason).toMatch(/only the server counts who has ticked in a blind round/)
      raw.close()
    }
    const fresh = await t.connect(assessmentId, chair.token)
    expect(ticked(fresh.doc)).toBe(0)
    expect((await t.api('/api/health')).status).toBe(200)
  })
})
