import {
  blindDocumentName,
  recordAgreedLevel,
  revealBlindRound,
  setTick,
  startBlindRound,
  suggestPeerLevel,
  tickKey,
} from '@co-assess/board-model'
import { agreedMap, metaMap, peopleMap, ticksMap } from '@co-assess/board-model/roots'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardJson } from '../utils/boardJson.ts'
import { RawSyncClient } from '../utils/rawSyncClient.ts'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

const room = () => t.createRoom()

describe('live sync with real providers', () => {
  it('several people ticking the same area at once converge', async () => {
    const { assessmentId, chair, ics, vcse } = await room()
    const clients = await Promise.all([chair, ics, vcse].map((p) => t.connect(assessmentId, p.token)))
    const items = ['1a.emerging.1', '1a.emerging.2', '1a.developing.1', '1a.maturing.1']
    clients.forEach(({ doc }, index) => {
      const person = [chair, ics, vcse][index]!.person.id
      for (const item of items) setTick(doc, person, item, (index + item.length) % 2 === 0)
    })
    await waitFor(() => {
      for (const { doc } of clients) expect(ticksMap(doc).size).toBe(items.length * 3)
    })
    const states = clients.map(({ doc }) => boardJson(doc))
    expect(new Set(states).size).toBe(1)
    // The server's copy agrees too: a fresh client with no local state sees the same.
    const fresh = await t.connect(assessmentId, ics.token)
    await waitFor(() => expect(boardJson(fresh.doc)).toBe(states[0]))
  })

  it('a new board is created once on the server, so reconnecting never duplicates it', async () => {
    const { assessmentId, chair } = await room()
    const a = await t.connect(assessmentId, chair.token)
    expect(metaMap(a.doc).get('assessmentId')).toBe(assessmentId)
    expect(peopleMap(a.doc).size).toBe(3)
    a.provider.disconnect()
    await a.provider.connect()
    await waitFor(() => a.provider.isSynced)
    expect(peopleMap(a.doc).size).toBe(3)
  })
})

describe('a hostile client speaking the raw protocol', () => {
  async function hostile(assessmentId: string, token: string, documentName = assessmentId) {
    const raw = new RawSyncClient(t.wsUrl, documentName)
    await raw.authenticate(token)
    await waitFor(() => raw.isSynced)
    return raw
  }

  it.each([
    [
      'participant',
      "another person's tick",
      (ids: Ids) => (d: Y.Doc) => setTick(d, ids.vcse, '1a.emerging.1', true),
    ],
    [
      'participant',
      'an agreed level',
      (ids: Ids) => (d: Y.Doc) =>
        recordAgreedLevel(d, ids.ics, '1a', {
          level: 'thriving',
          rationale: 'x',
          dissent: '',
          sessionId: null,
        }),
    ],
    ['participant', 'a blind-round start', (ids: Ids) => (d: Y.Doc) => startBlindRound(d, ids.ics, '1a')],
    [
      'participant',
      'a change to who is taking part',
      (_ids: Ids) => (d: Y.Doc) => peopleMap(d).delete(_ids.vcse),
    ],
    ['observer', 'its own tick', (ids: Ids) => (d: Y.Doc) => setTick(d, ids.self, '1a.emerging.1', true)],
    ['peer-reviewer', 'a tick', (ids: Ids) => (d: Y.Doc) => setTick(d, ids.self, '1a.emerging.1', true)],
    [
      'peer-reviewer',
      'evidence notes',
      (_ids: Ids) => (d: Y.Doc) => d.getXmlFragment('note:1a').insert(0, [new Y.XmlText('sneaky')]),
    ],
  ] as const)('a %s cannot write %s', async (role, _what, makeEdit) => {
    const { assessmentId, chair, ics, vcse } = await room()
    const attacker =
      role === 'participant'
        ? ics
        : await t.join(await t.invite(assessmentId, chair.token, role), 'Mallory', 'ics')
    const watcher = await t.connect(assessmentId, vcse.token)
    setTick(watcher.doc, vcse.person.id, '2a.emerging.1', true)
    await waitFor(() => watcher.provider.unsyncedChanges === 0)
    const before = boardJson(watcher.doc)
    const raw = await hostile(assessmentId, attacker.token)
    raw.edit(makeEdit({ ics: ics.person.id, vcse: vcse.person.id, self: attacker.person.id }))
    const closed = await raw.closed
    expect(closed.code).toBe(4403)
    // Nothing reached the others or the store: a fresh client sees exactly what was there before.
    expect(boardJson(watcher.doc)).toBe(before)
    const fresh = await t.connect(assessmentId, chair.token)
    expect(boardJson(fresh.doc)).toBe(before)
  })

  it('a peer reviewer writes its own layer, and a forged presence name is replaced', async () => {
    const { assessmentId, chair, vcse } = await room()
    const reviewer = await t.join(await t.invite(assessmentId, chair.token, 'peer-reviewer'), 'Pat', 'ics')
    // A peer reviewer speaks for no stakeholder group, whatever the join form sent.
    expect(reviewer.person.group).toBeNull()
    const watcher = await t.connect(assessmentId, vcse.token)
    const raw = await hostile(assessmentId, reviewer.token)
    raw.edit((d) =>
      suggestPeerLevel(d, reviewer.person.id, '1a', { level: 'emerging', reasoning: 'thin evidence' }),
    )
    await waitFor(() => expect(watcher.doc.getMap('peer').size).toBe(1))
    raw.sendAwareness(raw.doc.clientID, { user: { name: 'The Chair', color: '#ff0000', role: 'chair' } })
    await waitFor(() => {
      const state = watcher.provider.awareness!.getStates().get(raw.doc.clientID) as {
        user: { name: string; role: string }
      }
      expect(state.user.name).toBe('Pat')
      expect(state.user.role).toBe('peer-reviewer')
    })
  })
})

type Ids = { ics: string; vcse: string; self: string }

describe('tokens', () => {
  it('refuses forged, expired, revoked and wrong-assessment tokens', async () => {
    const { assessmentId, chair, ics } = await room()
    const refused = async (documentName: string, token: string) => {
      const raw = new RawSyncClient(t.wsUrl, documentName)
      await raw.authenticate(token)
      const closed = await Promise.race([
        raw.closed,
        new Promise<null>((r) => setTimeout(() => r(null), 3000)),
      ])
      raw.close()
      return raw.isSynced === false && closed !== null
    }
    const [header, payload] = ics.token.split('.')
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'chair' })).toString('base64url')}.${ics.token.split('.')[2]}`
    expect(await refused(assessmentId, forged)).toBe(true)
    expect(await refused(assessmentId, 'not-a-token')).toBe(true)
    const other = await t.createAssessment()
    expect(await refused(other.assessmentId, ics.token)).toBe(true)
    // Someone else's private blind-round document.
    expect(await refused(blindDocumentName(assessmentId, chair.person.id), ics.token)).toBe(true)
    // Revoked: the chair withdraws the invite Ivy joined with.
    const invites = await t.api(`/api/assessments/${assessmentId}/invites`, { token: chair.token })
    const ivyInvite = invites.body.find((i: { id: string }) => i.id === claims.iid)
    const revoke = await t.api(`/api/assessments/${assessmentId}/invites/${ivyInvite.id}`, {
      method: 'DELETE',
      token: chair.token,
    })
    expect(revoke.status).toBe(200)
    expect(await refused(assessmentId, ics.token)).toBe(true)
    expect((await t.api('/api/auth/refresh', { body: { refreshToken: ics.refreshToken } })).status).toBe(401)
    // Expired: signed with the right key but already past its time.
    const { SignJWT } = await import('jose')
    const key = new TextEncoder().encode((await t.server.storage.metadata.getSetting('tokenSigningKey'))!)
    const chairClaims = JSON.parse(Buffer.from(chair.token.split('.')[1]!, 'base64url').toString())
    const expired = await new SignJWT({ ...chairClaims, exp: Math.floor(Date.now() / 1000) - 10 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(key)
    expect(await refused(assessmentId, expired)).toBe(true)
    expect(await refused(assessmentId, chair.token)).toBe(false)
  })
})

describe('blind rounds', () => {
  it("keeps a participant's blind ticks out of everyone else's browser until the reveal", async () => {
    const { assessmentId, chair, ics, vcse } = await room()
    const chairClient = await t.connect(assessmentId, chair.token)
    const vcseClient = await t.connect(assessmentId, vcse.token)
    startBlindRound(chairClient.doc, chair.person.id, '1a')
    await waitFor(() => chairClient.provider.unsyncedChanges === 0)
    const privateDoc = await t.connect(blindDocumentName(assessmentId, ics.person.id), ics.token)
    setTick(privateDoc.doc, ics.person.id, '1a.emerging.1', true)
    await waitFor(() => privateDoc.provider.unsyncedChanges === 0)
    const key = tickKey(ics.person.id, '1a.emerging.1')
    expect(ticksMap(vcseClient.doc).has(key)).toBe(false)
    expect(ticksMap(chairClient.doc).has(key)).toBe(false)
    revealBlindRound(chairClient.doc, chair.person.id, '1a')
    await waitFor(() => expect(ticksMap(vcseClient.doc).get(key)?.ticked).toBe(true))
    await waitFor(() => expect(ticksMap(privateDoc.doc).has(key)).toBe(false))
  })
})

describe('storage', () => {
  it('keeps everything across a clean restart', async () => {
    const { assessmentId, chair } = await room()
    const client = await t.connect(assessmentId, chair.token)
    recordAgreedLevel(client.doc, chair.person.id, '1b', {
      level: 'developing',
      rationale: 'agreed',
      dissent: '',
      sessionId: null,
    })
    await waitFor(() => client.provider.unsyncedChanges === 0)
    const expected = boardJson(client.doc)
    const dataDir = t.dataDir
    await t.stop({ keepData: true })
    t = await startTestServer({}, dataDir)
    const again = await t.connect(assessmentId, chair.token)
    expect(boardJson(again.doc)).toBe(expected)
    expect(agreedMap(again.doc).get('1b')?.level).toBe('developing')
  })
})
