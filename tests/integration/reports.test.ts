import {
  addComment,
  agreeAction,
  blindDocumentName,
  noteFragment,
  plainDate,
  proposeAction,
  recordAgreedLevel,
  revealBlindRound,
  setTick,
  startBlindRound,
  startSession,
  suggestPeerLevel,
  tickKey,
  updateAction,
} from '@co-assess/board-model'
import { parse } from 'csv-parse/sync'
import mammoth from 'mammoth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardJson } from '../utils/boardJson.ts'
import { ADMIN_KEY, startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

const ZOE = 'Zoë Ñúñez-Øberg'
const COMMENT = 'Private remark about the GP federation'
const YOU_SAID = 'Evening sessions, please: many of us work days, and buses stop at 6'

/** Writes as the server does, so the test sets up a board without racing providers. */
async function write(name: string, change: (doc: Y.Doc) => void) {
  const connection = await t.server.hocuspocus.openDirectConnection(name)
  await connection.transact(change)
  await connection.disconnect()
}

async function read<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> {
  const connection = await t.server.hocuspocus.openDirectConnection(name)
  try {
    return fn(connection.document!)
  } finally {
    await connection.disconnect()
  }
}

async function seededBoard() {
  const { assessmentId, chair } = await t.createAssessment()
  const zoe = await t.join(await t.invite(assessmentId, chair.token, 'participant'), ZOE, 'lived-experience')
  const ivy = await t.join(await t.invite(assessmentId, chair.token, 'participant'), 'Ivy', 'ics')
  const peer = await t.join(
    await t.invite(assessmentId, chair.token, 'peer-reviewer'),
    'Petra',
    'peer-reviewer',
  )
  const observer = await t.join(await t.invite(assessmentId, chair.token, 'observer'), 'Olu', 'ics')
  const ids: Record<string, string> = {}
  await write(assessmentId, (doc) => {
    setTick(doc, zoe.person.id, '1a.emerging.1', true)
    setTick(doc, ivy.person.id, '1a.emerging.1', true)
    setTick(doc, ivy.person.id, '1a.emerging.2', true)
    recordAgreedLevel(doc, chair.person.id, '1a', {
      level: 'emerging',
      rationale: 'Data, "shared" & <checked>',
      dissent: 'VCSE partners think it is lower',
      sessionId: null,
    })
    suggestPeerLevel(doc, peer.person.id, '1a', { level: 'developing', reasoning: 'Good data sharing' })
    const para = new Y.XmlElement('paragraph')
    para.insert(0, [new Y.XmlText('Evidence: the 2024 equity audit')])
    noteFragment(doc, '1a').insert(0, [para])
    addComment(doc, ivy.person.id, {
      anchor: { areaId: '1a', itemId: null },
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: COMMENT }] }] },
      text: COMMENT,
      mentions: [],
      layer: 'host',
    })
    ids.open = proposeAction(doc, zoe.person.id, {
      youSaid: YOU_SAID,
      raisedBy: ['lived-experience'],
      weDid: 'Moved two of four sessions to 6:30pm, with café vouchers',
      owner: 'Engagement lead',
      dueDate: '2025-09-30',
      areaIds: ['1a', '5b'],
    })
    agreeAction(doc, chair.person.id, ids.open, null)
    ids.done = proposeAction(doc, chair.person.id, {
      youSaid: 'Use plain English',
      raisedBy: ['vcse'],
      weDid: 'Rewrote the leaflets',
      owner: 'Comms',
      dueDate: null,
      areaIds: ['1a'],
    })
    updateAction(doc, chair.person.id, ids.done, {
      status: 'done',
      whatChanged: 'Fewer calls asking what it means',
    })
  })
  await t.server.deps.flush(assessmentId)
  return { assessmentId, chair, zoe, ivy, peer, observer, ids: ids as { open: string; done: string } }
}

/** Reads a .docx with mammoth, a Word reader: its headings (level and text) and its text, entities decoded. */
async function readDocx(buffer: Buffer) {
  const { value: html, messages } = await mammoth.convertToHtml({ buffer })
  expect(messages.filter((m) => m.type === 'error')).toEqual([])
  const decode = (x: string) =>
    x
      .replace(/<[^>]+>/g, '')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
  const headings = [...html.matchAll(/<(h[1-6])>(.*?)<\/\1>/g)].map((m) => [m[1]!, decode(m[2]!)])
  const { value: text } = await mammoth.extractRawText({ buffer })
  return { headings, text }
}

async function get(path: string, token?: string) {
  return fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
}

describe('the assessment report', () => {
  it('renders escaped HTML with the heat map, levels, actions and no names unless a chair asks', async () => {
    const { assessmentId, chair, zoe, observer, peer } = await seededBoard()
    const response = await get(`/api/assessments/${assessmentId}/report`, observer.token)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await response.text()
    expect(html).toContain('Agreed level in each improvement area')
    expect(html).toContain('Data, &quot;shared&quot; &amp; &lt;checked&gt;')
    expect(html).not.toContain('<checked>')
    expect(html).toContain('Evidence: the 2024 equity audit')
    expect(html).toContain('Good data sharing')
    expect(html).toContain('Evening sessions, please')
    // The test's join gives each person the organisation "<name> Org". An observer's copy carries
    // neither names nor organisations; a participant's shows organisations but no names.
    expect(html).not.toContain(ZOE)
    expect(html).not.toContain(COMMENT)
    const participants = await (await get(`/api/assessments/${assessmentId}/report`, zoe.token)).text()
    expect(participants).toContain(`${ZOE} Org`)
    expect(participants.replaceAll(`${ZOE} Org`, '')).not.toContain(ZOE)

    expect((await get(`/api/assessments/${assessmentId}/report?names=1`, zoe.token)).status).toBe(403)
    const named = await (await get(`/api/assessments/${assessmentId}/report?names=1`, chair.token)).text()
    expect(named.replaceAll(`${ZOE} Org`, '')).toContain(ZOE)
    expect((await get(`/api/assessments/${assessmentId}/report`, peer.token)).status).toBe(200)
    expect((await get(`/api/assessments/${assessmentId}/report`)).status).toBe(401)
  })

  it('opens from a short-lived report link without a bearer header, only for its own assessment', async () => {
    const { assessmentId, zoe, observer } = await seededBoard()
    const other = await t.createAssessment()
    expect(
      (
        await t.api(`/api/assessments/${assessmentId}/report-links`, {
          method: 'POST',
          token: observer.token,
        })
      ).status,
    ).toBe(403)
    const minted = await t.api(`/api/assessments/${assessmentId}/report-links`, {
      method: 'POST',
      token: zoe.token,
    })
    expect(minted.status).toBe(201)
    expect(minted.body.links.reportWithNames).toBeUndefined()
    expect((await get(minted.body.links.report)).status).toBe(200)
    expect((await get(minted.body.links.docx)).status).toBe(200)
    expect((await get(`${minted.body.links.report}&names=1`)).status).toBe(403)
    expect(
      (await get(`/api/assessments/${other.assessmentId}/report?access=${minted.body.access}`)).status,
    ).toBe(403)
    expect((await get(`/api/assessments/${assessmentId}/report?access=not-a-token`)).status).toBe(401)
    // A report link is not a sign-in token.
    expect((await get(`/api/assessments/${assessmentId}`, minted.body.access)).status).toBe(401)
  })

  it('exports Word that a docx reader opens, with the headings and actions', async () => {
    const { assessmentId, chair } = await seededBoard()
    const response = await get(`/api/assessments/${assessmentId}/report.docx`, chair.token)
    expect(response.headers.get('content-type')).toContain('wordprocessingml')
    const { headings, text } = await readDocx(Buffer.from(await response.arrayBuffer()))
    // The reader maps Word's own heading styles to h1/h2, so these are real headings, not bold text.
    for (const heading of ['Agreed levels', 'Area by area', 'Actions: you said, we did', 'Who took part'])
      expect(headings).toContainEqual(['h1', heading])
    expect(headings).toContainEqual(['h2', `You said: ${YOU_SAID}`])
    expect(headings).toContainEqual(['h2', 'You said: Use plain English'])
    expect(text).toContain('We did: Rewrote the leaflets')
    expect(text).toContain('What changed: Fewer calls asking what it means')
    expect(text.replaceAll(`${ZOE} Org`, '')).not.toContain(ZOE)
  })

  it('exports CSV that round-trips through a parser with non-ASCII names and commas', async () => {
    const { assessmentId, chair } = await seededBoard()
    const itemsResponse = await get(`/api/assessments/${assessmentId}/report/items.csv?names=1`, chair.token)
    const bytes = new Uint8Array(await itemsResponse.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const items: Record<string, string>[] = parse(Buffer.from(bytes), { bom: true, columns: true })
    const first = items.find((row) => row.Item === '1a.emerging.1')!
    expect(first.Ticked).toBe('2')
    expect(first['Ticked by']).toContain(ZOE)
    expect(first['Lived experience ticked']).toBe('1')
    expect(first['Agreed level']).toBe('Emerging')

    const actionsText = await (
      await get(`/api/assessments/${assessmentId}/report/actions.csv`, chair.token)
    ).text()
    const actions: Record<string, string>[] = parse(actionsText, { bom: true, columns: true })
    expect(actions.map((a) => a['You said'])).toEqual([YOU_SAID, 'Use plain English'])
    expect(actions[0]!['We did']).toBe('Moved two of four sessions to 6:30pm, with café vouchers')
    expect(actions[1]!.Status).toBe('Done')
  })

  it('exports Markdown', async () => {
    const { assessmentId, chair } = await seededBoard()
    const md = await (await get(`/api/assessments/${assessmentId}/report.md`, chair.token)).text()
    expect(md).toContain('## Agreed levels')
    expect(md).toContain('### 1a ')
    expect(md).toContain('Evening sessions, please')
  })
})

describe('the JSON export', () => {
  it('imports back into an equal board, and a bad file gets a 400 naming the problem', async () => {
    const { assessmentId, chair } = await seededBoard()
    // biome-ignore lint/suspicious/noExplicitAny: the file is read back and edited as plain JSON
    const exported: any = await (
      await get(`/api/assessments/${assessmentId}/report/export.json`, chair.token)
    ).json()
    expect(exported.board.comments).not.toEqual({})

    const imported = await t.api('/api/assessments/import', { token: ADMIN_KEY, body: exported })
    expect(imported.status).toBe(201)
    const newId = imported.body.assessment.id as string
    expect(newId).not.toBe(assessmentId)

    const normalise = (json: string, id: string) => json.replaceAll(id, 'ID')
    const before = normalise(await read(assessmentId, boardJson), assessmentId)
    const after = normalise(await read(newId, boardJson), newId)
    expect(after).toBe(before)

    const newChair = await t.join(imported.body.chairInvite.token, 'Chair again', 'ics')
    // biome-ignore lint/suspicious/noExplicitAny: compared as plain JSON
    const again: any = await (
      await get(`/api/assessments/${newId}/report/export.json`, newChair.token)
    ).json()
    delete again.board.people[newChair.person.id]
    expect({ ...again.board, meta: { ...again.board.meta, assessmentId: 'x' } }).toEqual({
      ...exported.board,
      meta: { ...exported.board.meta, assessmentId: 'x' },
    })

    const listed = (await t.server.storage.metadata.listAssessments()).length
    const bad = structuredClone(exported)
    bad.board.actions[Object.keys(bad.board.actions)[0]!].status = 'finished'
    const refused = await t.api('/api/assessments/import', { token: ADMIN_KEY, body: bad })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toContain('status')
    // Nothing the board could not hold: a tick of an item the framework does not have is named.
    const strayTick = structuredClone(exported)
    strayTick.board.ticks[`${chair.person.id}/9z.emerging.1`] = { ticked: true, at: 1 }
    const stray = await t.api('/api/assessments/import', { token: ADMIN_KEY, body: strayTick })
    expect(stray.status).toBe(400)
    expect(stray.body.message).toBe(
      `In the request body, "board.ticks.${chair.person.id}/9z.emerging.1": "9z.emerging.1" is not a checklist item of this framework.`,
    )
    const nulTitle = structuredClone(exported)
    nulTitle.assessment.title = 'Board\u0000papers'
    const nul = await t.api('/api/assessments/import', { token: ADMIN_KEY, body: nulTitle })
    expect(nul.status).toBe(400)
    expect(nul.body.message).toMatch(/"assessment.title": Title must not contain control characters/)
    expect((await t.api('/api/assessments/import', { token: ADMIN_KEY, body: { hello: 1 } })).status).toBe(
      400,
    )
    expect((await t.api('/api/assessments/import', { token: chair.token, body: exported })).status).toBe(401)
    expect((await t.server.storage.metadata.listAssessments()).length).toBe(listed)
  })

  it('refuses to export during a blind round, and exports the revealed ticks once they are on the board', async () => {
    const { assessmentId, chair, zoe } = await seededBoard()
    const exportPath = `/api/assessments/${assessmentId}/report/export.json`
    const chairClient = await t.connect(assessmentId, chair.token)
    startBlindRound(chairClient.doc, chair.person.id, '1b')
    const zoePrivate = await t.connect(blindDocumentName(assessmentId, zoe.person.id), zoe.token)
    setTick(zoePrivate.doc, zoe.person.id, '1b.emerging.1', true)
    await waitFor(() => {
      expect(chairClient.provider.unsyncedChanges).toBe(0)
      expect(zoePrivate.provider.unsyncedChanges).toBe(0)
    })

    const midRound = await t.api(exportPath, { token: chair.token })
    expect(midRound.status).toBe(409)
    expect(midRound.body.message).toContain('A blind round is running on area 1b')

    revealBlindRound(chairClient.doc, chair.person.id, '1b')
    // Until the server has moved the private tick onto the board, the export still says no (409);
    // after that it holds the tick, so importing the file loses nothing from the round.
    // biome-ignore lint/suspicious/noExplicitAny: the file is read as plain JSON
    let exported: any
    await waitFor(async () => {
      const after = await t.api(exportPath, { token: chair.token })
      expect(after.status).toBe(200)
      exported = after.body
    })
    expect(exported.board.ticks[tickKey(zoe.person.id, '1b.emerging.1')]).toMatchObject({ ticked: true })
    expect(exported.board.live['round:1b']).toMatchObject({ mode: 'revealed' })
  })

  it("refuses to export while a revealed round's ticks are still private", async () => {
    const { assessmentId, chair, zoe } = await seededBoard()
    // Written straight into the private document, as a tick that reached the server after the reveal
    // and has not been moved yet: the server moves such ticks only on its own triggers.
    await write(assessmentId, (doc) => revealBlindRound(doc, chair.person.id, '1b'))
    await write(blindDocumentName(assessmentId, zoe.person.id), (doc) =>
      setTick(doc, zoe.person.id, '1b.emerging.1', true),
    )
    const waiting = await t.api(`/api/assessments/${assessmentId}/report/export.json`, { token: chair.token })
    expect(waiting.status).toBe(409)
    expect(waiting.body.message).toContain('still being moved onto the board')
  })

  it("imports the review's closing and the framework version into the assessment's record too", async () => {
    const { assessmentId, chair } = await seededBoard()
    const closed = await t.api(`/api/assessments/${assessmentId}/review/close`, {
      method: 'POST',
      token: chair.token,
    })
    expect(closed.status).toBe(200)
    // biome-ignore lint/suspicious/noExplicitAny: the file is read back and edited as plain JSON
    const exported: any = (
      await t.api(`/api/assessments/${assessmentId}/report/export.json`, { token: chair.token })
    ).body
    expect(exported.board.meta.reviewClosedAt).toBe(Date.parse(closed.body.reviewClosedAt))
    // A file from a board ticked against an earlier edition of the framework keeps saying so.
    exported.board.meta.frameworkVersion = '2024.1'
    exported.assessment.frameworkVersion = '2024.1'
    const imported = await t.api('/api/assessments/import', { token: ADMIN_KEY, body: exported })
    expect(imported.status).toBe(201)
    const newId = imported.body.assessment.id as string
    const record = (await t.server.storage.metadata.getAssessment(newId))!
    expect(record.reviewClosedAt).toBe(closed.body.reviewClosedAt)
    expect(record.frameworkVersion).toBe('2024.1')
    const meta = await read(newId, (doc) => doc.getMap('meta').toJSON())
    expect(meta).toMatchObject({
      reviewClosedAt: exported.board.meta.reviewClosedAt,
      frameworkVersion: '2024.1',
    })
    expect(imported.body.assessment).toMatchObject({
      reviewClosedAt: record.reviewClosedAt,
      frameworkVersion: '2024.1',
    })

    exported.board.meta.reviewClosedAt = 9e15
    const refused = await t.api('/api/assessments/import', { token: ADMIN_KEY, body: exported })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toContain('reviewClosedAt')
  })
})

describe('the public page', () => {
  it('publishes only the chosen actions, without names or comments, republishes at the same link, and withdraws', async () => {
    const { assessmentId, chair, zoe, ids } = await seededBoard()
    expect(
      (
        await t.api(`/api/assessments/${assessmentId}/publication`, {
          token: zoe.token,
          body: { actionIds: [ids.open] },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await t.api(`/api/assessments/${assessmentId}/publication`, {
          token: chair.token,
          body: { actionIds: ['nope1'] },
        })
      ).status,
    ).toBe(400)
    const published = await t.api(`/api/assessments/${assessmentId}/publication`, {
      token: chair.token,
      body: { actionIds: [ids.open] },
    })
    expect(published.status).toBe(201)
    const page = await get(published.body.path)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Moved two of four sessions')
    expect(html).not.toContain('Rewrote the leaflets')
    for (const secret of [ZOE, 'Ivy', 'Chair', 'Petra', COMMENT, 'Engagement lead'])
      expect(html).not.toContain(secret)

    const again = await t.api(`/api/assessments/${assessmentId}/publication`, {
      token: chair.token,
      body: { actionIds: [ids.open, ids.done] },
    })
    expect(again.body.path).toBe(published.body.path)
    expect(await (await get(published.body.path)).text()).toContain('Rewrote the leaflets')
    const status = await t.api(`/api/assessments/${assessmentId}/publication`, { token: zoe.token })
    expect(status.body).toMatchObject({ published: true, path: published.body.path, actionCount: 2 })

    expect(
      (await t.api(`/api/assessments/${assessmentId}/publication`, { method: 'DELETE', token: chair.token }))
        .status,
    ).toBe(200)
    const gone = await get(published.body.path)
    expect(gone.status).toBe(410)
    expect(await gone.text()).toContain('This page is no longer published')
    expect((await get('/p/AAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
  })
})

describe('progress over time', () => {
  it('re-assesses with the framework but no ticks, carries open actions forward, and compares', async () => {
    const { assessmentId, chair, zoe, ids } = await seededBoard()
    // Agree the open action in the old board's second session and tell the people who raised it.
    const sessionStart = Date.UTC(2025, 6, 1, 18)
    await write(assessmentId, (doc) => {
      startSession(doc, chair.person.id, sessionStart - 86_400_000)
      const second = startSession(doc, chair.person.id, sessionStart)
      updateAction(doc, chair.person.id, ids.open, {
        status: 'in-progress',
        agreedInSession: second,
        feedback: { toldAt: '2025-07-10', how: 'Text message to the forum' },
      })
    })
    const previous = (await t.server.storage.metadata.getAssessment(assessmentId))!
    const refusedReassess = await t.api(`/api/assessments/${assessmentId}/reassess`, {
      method: 'POST',
      token: zoe.token,
    })
    expect(refusedReassess.status, JSON.stringify(refusedReassess.body)).toBe(403)
    const again = await t.api(`/api/assessments/${assessmentId}/reassess`, { token: chair.token, body: {} })
    expect(again.status).toBe(201)
    expect(again.body.carriedForward).toBe(1)
    const newId = again.body.assessment.id as string
    expect(again.body.assessment.previousAssessmentId).toBe(assessmentId)
    const newChair = await t.join(again.body.chairInvite.token, 'Chair', 'ics')
    const board = await read(newId, (doc) => JSON.parse(boardJson(doc)))
    expect(board.ticks).toEqual({})
    const carried = Object.values(board.actions) as Array<{
      carriedFrom: string
      youSaid: string
      id: string
      agreedInSession: string | null
      history: unknown[]
    }>
    expect(carried.map((a) => a.carriedFrom)).toEqual([ids.open])
    expect(carried[0]!.id).not.toBe(ids.open)
    // The old session id means nothing on the new board; the history says which session it was.
    expect(carried[0]!.agreedInSession).toBeNull()
    expect(carried[0]!.history).toEqual([
      {
        assessmentId,
        title: previous.title,
        startedAt: previous.createdAt,
        actionId: ids.open,
        status: 'in-progress',
        agreed: { sessionNumber: 2, sessionStartedAt: sessionStart },
        feedback: { toldAt: '2025-07-10', how: 'Text message to the forum' },
        carriedAt: expect.any(Number),
      },
    ])
    const history = `In "${previous.title}" (started ${plainDate(previous.createdAt)}): status in progress; agreed in session 2, started 1 July 2025; the people who raised it were told on 10 July 2025 (Text message to the forum).`
    const { headings, text } = await readDocx(
      Buffer.from(await (await get(`/api/assessments/${newId}/report.docx`, newChair.token)).arrayBuffer()),
    )
    expect(headings).toContainEqual(['h2', `You said: ${YOU_SAID}`])
    expect(text).toContain(`History: ${history}`)
    expect(text).toContain(`Agreed: Before this assessment, in "${previous.title}": agreed in session 2`)
    const md = await (await get(`/api/assessments/${newId}/report.md`, newChair.token)).text()
    // Markdown escapes the brackets a person could use to make a link; the words are the same.
    expect(md).toContain(`- History: ${history.replace(/([()])/g, '\\$1')}`)

    await write(newId, (doc) => {
      recordAgreedLevel(doc, newChair.person.id, '1a', {
        level: 'maturing',
        rationale: '',
        dissent: '',
        sessionId: null,
      })
      updateAction(doc, newChair.person.id, carried[0]!.id, { status: 'done' })
    })
    const response = await get(`/api/assessments/${newId}/comparison`, newChair.token)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Up 2')
    expect(html).toContain('1 area moved up')
    expect(html).toContain('Rewrote the leaflets')
    expect(html).toContain('Evening sessions, please')
    expect((await get(`/api/assessments/${assessmentId}/comparison`, chair.token)).status).toBe(404)
  })
})
