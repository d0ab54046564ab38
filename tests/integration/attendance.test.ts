import { endSession, readSessions, startSession } from '@co-assess/board-model'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

const attendance = (doc: Y.Doc, sessionId: string) =>
  [...(readSessions(doc).find((s) => s.id === sessionId)?.attendance ?? [])].sort()

describe('attendance', () => {
  it('records everyone connected when a session starts and whoever connects while it runs, once each', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const participant = async (name: string, group: 'ics' | 'vcse') =>
      t.join(await t.invite(assessmentId, chair.token, 'participant'), name, group)
    const ana = await participant('Ana', 'ics')
    const vic = await participant('Vic', 'vcse')
    const lou = await participant('Lou', 'ics')
    const pat = await participant('Pat', 'vcse')
    const connectionsOnServer = () => t.server.hocuspocus.documents.get(assessmentId)?.getConnectionsCount()

    const chairConn = await t.connect(assessmentId, chair.token)
    await t.connect(assessmentId, ana.token)
    const louFirst = await t.connect(assessmentId, lou.token)
    // Connecting with no session running records nothing: there is no session to attend.
    expect(readSessions(chairConn.doc)).toEqual([])

    // Lou leaves before the start, so is not counted at the start.
    louFirst.provider.destroy()
    await waitFor(() => expect(connectionsOnServer()).toBe(2))

    const first = startSession(chairConn.doc, chair.person.id)
    const atStart = [chair.person.id, ana.person.id].sort()
    await waitFor(() => expect(attendance(chairConn.doc, first)).toEqual(atStart))

    // Joining while it runs counts; a second device for the same person does not count twice.
    await t.connect(assessmentId, vic.token)
    await waitFor(() => expect(attendance(chairConn.doc, first)).toContain(vic.person.id))
    await t.connect(assessmentId, ana.token)
    await t.connect(assessmentId, lou.token)
    const whileRunning = [chair.person.id, ana.person.id, vic.person.id, lou.person.id].sort()
    await waitFor(() => expect(attendance(chairConn.doc, first)).toEqual(whileRunning))

    // After the end nobody is added to it; the next session starts from who is connected then.
    endSession(chairConn.doc, chair.person.id)
    const serverDoc = t.server.hocuspocus.documents.get(assessmentId)!
    await waitFor(() => expect(readSessions(serverDoc).find((s) => s.id === first)?.endedAt).not.toBeNull())
    await t.connect(assessmentId, pat.token)
    const second = startSession(chairConn.doc, chair.person.id)
    await waitFor(() =>
      expect(attendance(chairConn.doc, second)).toEqual([...whileRunning, pat.person.id].sort()),
    )
    expect(attendance(chairConn.doc, first)).toEqual(whileRunning)

    // What the chair's browser sees is what the server keeps.
    const fresh = await t.connect(assessmentId, chair.token)
    await waitFor(() => expect(attendance(fresh.doc, first)).toEqual(whileRunning))
    expect(readSessions(fresh.doc).find((s) => s.id === first)?.endedAt).not.toBeNull()
  })
})

describe('who came, after the session', () => {
  it('is kept once the session ends and after a restart, for the chair’s report and no one else’s', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const link = await t.invite(assessmentId, chair.token, 'participant')
    const ana = await t.join(link, 'Ana Able', 'ics')
    const vic = await t.join(link, 'Vic Vance', 'vcse')
    const chairConn = await t.connect(assessmentId, chair.token)
    await t.connect(assessmentId, ana.token)
    const id = startSession(chairConn.doc, chair.person.id)
    await waitFor(() => expect(attendance(chairConn.doc, id)).toHaveLength(2))
    endSession(chairConn.doc, chair.person.id)
    const serverDoc = t.server.hocuspocus.documents.get(assessmentId)!
    await waitFor(() => expect(readSessions(serverDoc).find((s) => s.id === id)?.endedAt).not.toBeNull())
    // Vic joins the board after the end: not one of those who came.
    await t.connect(assessmentId, vic.token)

    const dataDir = t.dataDir
    await t.stop({ keepData: true })
    t = await startTestServer({}, dataDir)
    const read = async (path: string, token: string) => {
      const response = await fetch(`${t.baseUrl}/api/assessments/${assessmentId}/${path}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(response.status, path).toBe(200)
      return response.text()
    }
    const named = await read('report.md?names=1', chair.token)
    const section = named.slice(named.indexOf('## Sessions: who came'))
    expect(section).toContain('2 people came')
    expect(section).toContain('Ana Able')
    expect(section).not.toContain('Vic Vance')
    for (const output of ['report.md', 'report'])
      expect(await read(output, ana.token)).not.toContain('people came')
  })
})

describe('the server clock', () => {
  it('answers the health check with its time, never cached, for browsers to set their timers by', async () => {
    const before = Date.now()
    const response = await fetch(`${t.baseUrl}/api/health`)
    const after = Date.now()
    const body = (await response.json()) as { status: string; serverTime: unknown }
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(body.status).toBe('ok')
    expect(typeof body.serverTime).toBe('number')
    expect(body.serverTime as number).toBeGreaterThanOrEqual(before)
    expect(body.serverTime as number).toBeLessThanOrEqual(after)
  })
})
