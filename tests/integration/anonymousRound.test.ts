import {
  blindDocumentName,
  endAnonymousRound,
  LIVE_KEYS,
  readAnonymousTally,
  setTick,
  startAnonymousRound,
  tickKey,
} from '@co-assess/board-model'
import { liveMap, ticksMap } from '@co-assess/board-model/roots'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// An anonymous round through the real server, with each person's browser as one socket carrying the
// board and their private document, as the web app opens them. Every frame each socket receives is
// kept, to show that no browser but the ticker's own ever holds who ticked an item of the area.

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
/** Whether any frame holds this person's id together with one of these items. */
const revealsWho = (frames: Uint8Array[], personId: string, itemIds: readonly string[]) =>
  frames.some((frame) => includes(frame, bytes(personId)) && itemIds.some((id) => includes(frame, bytes(id))))

const AREA_ITEMS = ['1a.emerging.1', '1a.emerging.2', '1a.emerging.3']

describe('an anonymous round', () => {
  it('shows everyone counts by group, live, and no other browser ever receives who ticked', async () => {
    const { assessmentId, chair, ics, vcse } = await t.createRoom()
    const chairBrowser = await openBrowser(assessmentId, chair.person.id, chair.token)
    const ivy = await openBrowser(assessmentId, ics.person.id, ics.token)
    const vic = await openBrowser(assessmentId, vcse.person.id, vcse.token)

    startAnonymousRound(chairBrowser.board, chair.person.id, '1a')
    await waitFor(() =>
      expect(liveMap(vic.board).get(LIVE_KEYS.round('1a'))).toMatchObject({ mode: 'anonymous' }),
    )

    setTick(ivy.privateDoc, ics.person.id, '1a.emerging.1', true)
    setTick(ivy.privateDoc, ics.person.id, '1a.emerging.2', true)
    setTick(vic.privateDoc, vcse.person.id, '1a.emerging.1', true)
    for (const browser of [chairBrowser, ivy, vic]) {
      await waitFor(() =>
        expect(readAnonymousTally(browser.board, '1a')).toMatchObject({
          respondents: 2,
          respondentsByGroup: { ics: 1, vcse: 1 },
          items: { '1a.emerging.1': { ics: 1, vcse: 1 }, '1a.emerging.2': { ics: 1 } },
        }),
      )
    }

    // Ivy changes her mind: the count follows.
    setTick(ivy.privateDoc, ics.person.id, '1a.emerging.2', false)
    await waitFor(() =>
      expect(readAnonymousTally(chairBrowser.board, '1a')?.items).toEqual({
        '1a.emerging.1': { ics: 1, vcse: 1 },
      }),
    )

    // The end puts nobody's ticks on the board; they stay in the private documents.
    endAnonymousRound(chairBrowser.board, chair.person.id, '1a')
    await waitFor(() =>
      expect(liveMap(ivy.board).get(LIVE_KEYS.round('1a'))).toMatchObject({ mode: 'anonymous-ended' }),
    )
    const fresh = await t.connect(assessmentId, chair.token)
    expect([...ticksMap(fresh.doc).keys()].filter((key) => key.includes('/1a.'))).toEqual([])
    expect(readAnonymousTally(fresh.doc, '1a')?.items).toEqual({ '1a.emerging.1': { ics: 1, vcse: 1 } })
    expect(ticksMap(ivy.privateDoc).get(tickKey(ics.person.id, '1a.emerging.1'))?.ticked).toBe(true)

    // The detector finds a person's tick where one is.
    const own = new Y.Doc()
    setTick(own, ics.person.id, '1a.emerging.1', true)
    expect(revealsWho([Y.encodeStateAsUpdate(own)], ics.person.id, AREA_ITEMS)).toBe(true)
    // No other browser received a frame with a participant's id and an item of the area.
    expect(chairBrowser.frames.length).toBeGreaterThan(0)
    for (const frames of [chairBrowser.frames, vic.frames])
      expect(revealsWho(frames, ics.person.id, AREA_ITEMS)).toBe(false)
    for (const frames of [chairBrowser.frames, ivy.frames])
      expect(revealsWho(frames, vcse.person.id, AREA_ITEMS)).toBe(false)

    // Even the chair's report with names counts the area by group and names nobody for it.
    const csv = await fetch(`${t.baseUrl}/api/assessments/${assessmentId}/report/items.csv?names=1`, {
      headers: { authorization: `Bearer ${chair.token}` },
    })
    const rows: Record<string, string>[] = parse(Buffer.from(await csv.arrayBuffer()), {
      bom: true,
      columns: true,
    })
    const first = rows.find((row) => row.Item === '1a.emerging.1')!
    expect(first.Ticked).toBe('2')
    expect(first['Ticked by']).toBe('')
    // Anyone else's report applies the small-number rules to the counts.
    const theirs = await fetch(`${t.baseUrl}/api/assessments/${assessmentId}/report/items.csv`, {
      headers: { authorization: `Bearer ${vcse.token}` },
    })
    const theirRows: Record<string, string>[] = parse(Buffer.from(await theirs.arrayBuffer()), {
      bom: true,
      columns: true,
    })
    const theirFirst = theirRows.find((row) => row.Item === '1a.emerging.1')!
    expect(Object.values(theirFirst)).toContain('fewer than 3')
    expect(theirFirst.Ticked).not.toBe('2')

    // The chair's backup is whole without the private ticks (they never go onto the board), so it
    // exports at once, holding the counts and nobody's tick for the area.
    const backup = await t.api(`/api/assessments/${assessmentId}/report/export.json`, { token: chair.token })
    expect(backup.status).toBe(200)
    const text = JSON.stringify(backup.body)
    expect(text).toContain('tally:1a')
    expect(text).not.toContain(tickKey(ics.person.id, '1a.emerging.1'))
    expect(text).not.toContain(tickKey(vcse.person.id, '1a.emerging.1'))
  })

  it('counts a tick sent while nobody has the board open when the board next opens', async () => {
    // The board must really close when the chair leaves, not stay warm in memory.
    await t.stop()
    t = await startTestServer({ CO_ASSESS_KEEP_WARM_SECONDS: '0' })
    const { assessmentId, chair, ics } = await t.createRoom()
    const chairClient = await t.connect(assessmentId, chair.token)
    startAnonymousRound(chairClient.doc, chair.person.id, '1a')
    await waitFor(() => expect(readAnonymousTally(chairClient.doc, '1a')).toMatchObject({ respondents: 0 }))
    chairClient.provider.destroy()
    await waitFor(() => expect(t.server.hocuspocus.documents.has(assessmentId)).toBe(false))

    // Ivy's device sends her private tick with the board closed everywhere.
    const ivyPrivate = await t.connect(blindDocumentName(assessmentId, ics.person.id), ics.token)
    setTick(ivyPrivate.doc, ics.person.id, '1a.emerging.1', true)
    await waitFor(() => ivyPrivate.provider.unsyncedChanges === 0)

    const again = await t.connect(assessmentId, chair.token)
    await waitFor(() =>
      expect(readAnonymousTally(again.doc, '1a')?.items).toEqual({ '1a.emerging.1': { ics: 1 } }),
    )
  })

  it('refuses counts written by a browser, even the chair’s', async () => {
    const { assessmentId, chair } = await t.createRoom()
    const chairClient = await t.connect(assessmentId, chair.token)
    startAnonymousRound(chairClient.doc, chair.person.id, '1a')
    await waitFor(() => chairClient.provider.unsyncedChanges === 0)
    const forger = await t.connect(assessmentId, chair.token)
    let closed = false
    forger.provider.on('close', () => {
      closed = true
    })
    liveMap(forger.doc).set(LIVE_KEYS.tally('1a'), {
      respondents: 9,
      respondentsByGroup: {},
      items: {},
      at: 1,
    })
    await waitFor(() => expect(closed).toBe(true))
    const fresh = await t.connect(assessmentId, chair.token)
    expect(liveMap(fresh.doc).get(LIVE_KEYS.tally('1a'))).not.toMatchObject({ respondents: 9 })
  })
})
