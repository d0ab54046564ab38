import { agreeAction, endSession, proposeAction, readSessions, startSession } from '@co-assess/board-model'
import mammoth from 'mammoth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// "Did you feel heard?" after a session, and who came to it: the server decides who may answer and
// how often, keeps the answers apart from who gave them, and shows them to the chair alone, with
// small groups suppressed; attendance is the chair's too, and neither reaches any other output.

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

type Joined = Awaited<ReturnType<TestServer['join']>>
const HELP_WITH_NAME = 'Vic Vance talked over everyone; a round where each group speaks first'

async function write(name: string, change: (doc: Y.Doc) => void) {
  const connection = await t.server.hocuspocus.openDirectConnection(name)
  await connection.transact(change)
  await connection.disconnect()
}

async function text(path: string, token: string): Promise<string> {
  const response = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(response.status, path).toBe(200)
  if (path.includes('.docx'))
    return (await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) })).value
  return response.text()
}

/** A room in which a session ran and ended: who came, who did not, and people who only read. */
async function endedSession() {
  const { assessmentId, chair } = await t.createAssessment()
  const link = await t.invite(assessmentId, chair.token, 'participant')
  const ana = await t.join(link, 'Ana Able', 'ics')
  const ian = await t.join(link, 'Ian Irons', 'ics')
  const ivy = await t.join(link, 'Ivy Ives', 'ics')
  const vic = await t.join(link, 'Vic Vance', 'vcse')
  const ned = await t.join(link, 'Ned Never', 'ics')
  const observer = await t.join(await t.invite(assessmentId, chair.token, 'observer'), 'Olu Observer', 'ics')
  const peerResponse = await t.api(
    `/api/invites/${await t.invite(assessmentId, chair.token, 'peer-reviewer')}/join`,
    { body: { displayName: 'Petra Peer', organisation: 'Southshire ICB' } },
  )
  expect(peerResponse.status).toBe(201)
  const peer = peerResponse.body as Joined
  const chairConn = await t.connect(assessmentId, chair.token)
  for (const p of [ana, ian, ivy, vic, observer, peer]) await t.connect(assessmentId, p.token)
  const sessionId = startSession(chairConn.doc, chair.person.id)
  const serverDoc = () => t.server.hocuspocus.documents.get(assessmentId)!
  const session = () => readSessions(serverDoc()).find((s) => s.id === sessionId)
  await waitFor(() => expect(session()?.attendance).toHaveLength(7))
  return { assessmentId, chair, chairConn, sessionId, session, ana, ian, ivy, vic, ned, observer, peer }
}

const answer = (assessmentId: string, sessionId: string, who: { token: string } | null, body: unknown) =>
  t.api(`/api/assessments/${assessmentId}/sessions/${sessionId}/feedback`, {
    method: 'POST',
    body,
    ...(who ? { token: who.token } : {}),
  })

describe('did you feel heard?', () => {
  it('takes one answer per person who came, after the session, and shows it to the chair by group with small groups suppressed', async () => {
    const room = await endedSession()
    const { assessmentId, sessionId, chair, ana, ian, ivy, vic, ned, observer, peer } = room
    const good = { heard: 4, spoke: 3 }

    // While the session runs there is nothing to answer yet.
    const early = await answer(assessmentId, sessionId, ana, good)
    expect(early.status).toBe(409)
    expect(early.body.message).toMatch(/still running/)

    endSession(room.chairConn.doc, chair.person.id)
    await waitFor(() => expect(room.session()?.endedAt).not.toBeNull())

    // Only people who took part for a group, and came to this session.
    for (const [who, message] of [
      [observer, /Only a participant or chair/],
      [peer, /Only a participant or chair/],
      [ned, /You were not at this session/],
    ] as const) {
      const refused = await answer(assessmentId, sessionId, who, good)
      expect(refused.status, who.person.name).toBe(403)
      expect(refused.body.message).toMatch(message)
    }
    expect((await answer(assessmentId, sessionId, null, good)).status).toBe(401)
    expect((await answer(assessmentId, 'no-such-session', ana, good)).status).toBe(404)
    // Bad answers are refused in words a person can act on, and nothing is stored.
    for (const [body, message] of [
      [{ heard: 6, spoke: 3 }, /"heard" must be from 1/],
      [{ heard: 2.5, spoke: 3 }, /whole number/],
      [{ heard: 4 }, /"spoke"/],
      [{ heard: 4, spoke: 4, name: 'Ana' }, /name/],
      [{ heard: 4, spoke: 4, help: 'x'.repeat(1001) }, /1000 characters/],
    ] as const) {
      const bad = await answer(assessmentId, sessionId, ana, body)
      expect(bad.status, JSON.stringify(body)).toBe(400)
      expect(bad.body.message).toMatch(message)
    }
    expect(await t.server.deps.storage.metadata.listSessionFeedback(assessmentId)).toEqual([])

    const mine = (who: Joined) =>
      t.api(`/api/assessments/${assessmentId}/sessions/${sessionId}/feedback/mine`, { token: who.token })
    expect((await mine(ana)).body).toEqual({ canAnswer: true, answered: false, reason: null })
    expect((await mine(observer)).body.canAnswer).toBe(false)

    expect(
      (await answer(assessmentId, sessionId, ana, { heard: 5, spoke: 4, help: HELP_WITH_NAME })).status,
    ).toBe(201)
    // Once: again, or from a second device joined under the same name, is refused.
    const again = await answer(assessmentId, sessionId, ana, { heard: 1, spoke: 1 })
    expect(again.status).toBe(409)
    expect(again.body.message).toMatch(/already answered/)
    const anaAgain = await t.join(await t.invite(assessmentId, chair.token, 'participant'), 'Ana Able', 'ics')
    expect((await answer(assessmentId, sessionId, anaAgain, { heard: 1, spoke: 1 })).status).toBe(409)
    expect((await mine(ana)).body).toEqual({ canAnswer: false, answered: true, reason: null })

    // Only the chair reads the answers.
    const summary = (who: Joined) => t.api(`/api/assessments/${assessmentId}/feedback`, { token: who.token })
    for (const who of [ana, observer, peer]) expect((await summary(who)).status).toBe(403)
    const one = (await summary(chair)).body
    const ics = () => one.sessions[0].groups.find((g: { group: string }) => g.group === 'ics')
    expect(one.threshold).toBe(3)
    expect(ics()).toMatchObject({ answered: 'fewer than 3', scores: null })
    expect(one.sessions[0].overall).toBeNull()
    expect(one.sessions[0].help).toEqual([])

    await answer(assessmentId, sessionId, ian, { heard: 4, spoke: 2 })
    await answer(assessmentId, sessionId, ivy, { heard: 3, spoke: 3 })
    await answer(assessmentId, sessionId, vic, { heard: 1, spoke: 2, help: 'Send the papers a week before.' })
    const four = (await summary(chair)).body.sessions[0]
    expect(four.groups.find((g: { group: string }) => g.group === 'ics')).toMatchObject({
      answered: 3,
      scores: { heard: 4, spoke: 3 },
    })
    // VCSE has one answer: suppressed, and so are the total and everyone's averages, which would give it away.
    expect(four.groups.find((g: { group: string }) => g.group === 'vcse')).toMatchObject({
      answered: 'fewer than 3',
      scores: null,
    })
    expect(four.answered).toBe('not shown')
    expect(four.overall).toBeNull()
    // What would help: no group, names of people on the board turned into what they were there as.
    expect(four.help).toEqual([
      'a VCSE partner talked over everyone; a round where each group speaks first',
      'Send the papers a week before.',
    ])

    // Stored without anyone's identity.
    const stored = JSON.stringify(await t.server.deps.storage.metadata.listSessionFeedback(assessmentId))
    for (const p of [ana, ian, ivy, vic, anaAgain]) {
      expect(stored).not.toContain(p.person.id)
      expect(stored).not.toContain(p.person.name)
    }
  })

  it('puts who came and the answers in the chair’s reports only, follows erasure, and goes with the assessment', async () => {
    const room = await endedSession()
    const { assessmentId, sessionId, chair, ana, ian, ivy, vic, observer, peer } = room
    let actionId = ''
    await write(assessmentId, (doc) => {
      actionId = proposeAction(doc, ana.person.id, {
        youSaid: 'Hold the next session in the evening',
        raisedBy: ['ics'],
        weDid: '',
        owner: '',
        dueDate: null,
        areaIds: ['1a'],
      })
      agreeAction(doc, chair.person.id, actionId, null)
    })
    endSession(room.chairConn.doc, chair.person.id)
    await waitFor(() => expect(room.session()?.endedAt).not.toBeNull())
    for (const who of [ana, ian, ivy])
      expect(
        (await answer(assessmentId, sessionId, who, { heard: 4, spoke: 4, help: 'More tea' })).status,
      ).toBe(201)
    await answer(assessmentId, sessionId, vic, { heard: 2, spoke: 2 })

    const base = `/api/assessments/${assessmentId}`
    for (const output of ['report', 'report.md', 'report.docx']) {
      const named = await text(`${base}/${output}?names=1`, chair.token)
      expect(named, output).toContain('Sessions: who came and whether they felt heard')
      expect(named, output).toContain('7 people came')
      for (const name of ['Ana Able', 'Vic Vance', 'Olu Observer', 'Petra Peer'])
        expect(named, output).toContain(name)
      expect(named, output).toContain('More tea')
      expect(named, output).toMatch(/4\\?\.0/)
      // Without names the chair's copy says who came by organisation and group, never by name.
      const unnamed = await text(`${base}/${output}`, chair.token)
      expect(unnamed, output).toContain('7 people came')
      // (Markdown escapes the brackets.)
      expect(unnamed, output).toMatch(/Ana Able Org \\?\(ICS/)
      expect(unnamed, output).not.toMatch(/Ana Able \\?\(/)
    }
    // Nobody else's report, no CSV and no public page carries attendance or the answers.
    const published = await t.api(`${base}/publication`, {
      token: chair.token,
      body: { actionIds: [actionId] },
    })
    expect(published.status, JSON.stringify(published.body)).toBe(201)
    const elsewhere = [
      ...(await Promise.all(
        [ana, observer, peer].flatMap((who) =>
          ['report', 'report.md', 'report.docx'].map((o) => text(`${base}/${o}`, who.token)),
        ),
      )),
      await text(`${base}/report/items.csv`, chair.token),
      await text(`${base}/report/actions.csv`, chair.token),
      await (await fetch(`${t.baseUrl}${published.body.path}`)).text(),
    ]
    for (const output of elsewhere) {
      // Each is a real output of this board (the items CSV lists items, not actions).
      expect(output).toMatch(/evening|Identifying stakeholders/)
      for (const secret of ['Sessions: who came', 'people came', 'felt heard', 'More tea'])
        expect(output).not.toContain(secret)
    }

    // A name removed on request leaves the attendance as what they were there as.
    const erased = await t.api(`${base}/people/${ana.person.id}/erase`, { token: chair.token, body: {} })
    expect(erased.status).toBe(200)
    const after = await text(`${base}/report.md?names=1`, chair.token)
    expect(after).not.toContain('Ana Able')
    expect(after).toContain('A participant from')

    // Deleting the assessment deletes the answers with it.
    const deleted = await t.api(base, {
      method: 'DELETE',
      token: chair.token,
      body: { confirmTitle: 'Test assessment' },
    })
    expect(deleted.status).toBe(200)
    expect(await t.server.deps.storage.metadata.listSessionFeedback(assessmentId)).toEqual([])
  })
})
