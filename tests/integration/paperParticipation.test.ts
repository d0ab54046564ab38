import { recordAnswers, setTick, tickKey } from '@co-assess/board-model'
import { commentsMap, peopleMap, recordedMap, ticksMap } from '@co-assess/board-model/roots'
import mammoth from 'mammoth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { frameworkItems } from '../utils/frameworkItems.ts'
import { RawSyncClient } from '../utils/rawSyncClient.ts'
import { ADMIN_KEY, startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// Someone who took part on paper or by phone, entered by the chair: added over HTTP (the server writes
// who entered them), their ticks and views sent as raw updates through the real write gate.

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

const area = () => {
  const { items } = frameworkItems()
  const inArea = items.filter((id) => id.startsWith('1a.'))
  return { areaId: '1a', items: inArea }
}

async function addRosa(assessmentId: string, token: string, how: 'paper' | 'phone' = 'paper') {
  return t.api(`/api/assessments/${assessmentId}/recorded-people`, {
    token,
    body: { name: 'Rosa Diaz', organisation: 'Carers Together', group: 'lived-experience', how },
  })
}

describe('answers recorded from paper or a phone call', () => {
  it('lets only a chair add the person, with a group of the assessment, and records who entered them', async () => {
    const { assessmentId, chair, vcse } = await t.createRoom()
    expect((await addRosa(assessmentId, vcse.token)).status).toBe(403)
    const badGroup = await t.api(`/api/assessments/${assessmentId}/recorded-people`, {
      token: chair.token,
      body: { name: 'Rosa Diaz', group: 'astronauts', how: 'paper' },
    })
    expect(badGroup.status).toBe(400)
    expect(badGroup.body.message).toMatch(/one of this assessment's groups/)
    const badHow = await t.api(`/api/assessments/${assessmentId}/recorded-people`, {
      token: chair.token,
      body: { name: 'Rosa Diaz', group: 'vcse', how: 'carrier pigeon' },
    })
    expect(badHow.status).toBe(400)

    const added = await addRosa(assessmentId, chair.token, 'phone')
    expect(added.status).toBe(201)
    expect(added.body.person).toMatchObject({
      name: 'Rosa Diaz',
      organisation: 'Carers Together',
      group: 'lived-experience',
    })
    expect(added.body.recorded).toMatchObject({ how: 'phone', enteredBy: chair.person.id })
    const watcher = await t.connect(assessmentId, vcse.token)
    await waitFor(() => recordedMap(watcher.doc).has(added.body.person.id))
    expect(peopleMap(watcher.doc).get(added.body.person.id)).toMatchObject({
      role: 'participant',
      group: 'lived-experience',
    })
  })

  it("takes a chair's raw update with a recorded person's ticks and views, and refuses everyone else", async () => {
    const { assessmentId, chair, ics, vcse } = await t.createRoom()
    const rosa = (await addRosa(assessmentId, chair.token)).body.person as { id: string }
    const { areaId, items } = area()
    const watcher = await t.connect(assessmentId, vcse.token)

    // The chair, with no provider's manners: exactly the update the board's named write makes.
    const chairRaw = await rawClient(assessmentId, chair.token)
    chairRaw.edit((doc) =>
      recordAnswers(doc, chair.person.id, rosa.id, {
        ticks: items.map((id, i) => [id, i === 0] as const),
        views: { areaId, text: 'Nobody asked the carers.' },
      }),
    )
    await waitFor(() => ticksMap(watcher.doc).get(tickKey(rosa.id, items[0]!))?.ticked === true)
    expect([...commentsMap(watcher.doc).values()].find((c) => c.authorId === rosa.id)?.text).toBe(
      'Nobody asked the carers.',
    )

    // A participant writing Rosa's tick is refused and closed, and nobody sees it.
    const participantRaw = await rawClient(assessmentId, ics.token)
    participantRaw.edit((doc) => setTick(doc, rosa.id, items[1]!, true))
    const refused = await participantRaw.closed
    expect(refused.reason).toMatch(/^Not saved/)
    expect(refused.reason).toMatch(/your own ticks/)

    // The chair writing a real participant's tick is refused too.
    const chairAgain = await rawClient(assessmentId, chair.token)
    chairAgain.edit((doc) => setTick(doc, vcse.person.id, items[1]!, true))
    const chairRefused = await chairAgain.closed
    expect(chairRefused.reason).toMatch(/your own ticks/)

    // Nor may the chair make a real participant "recorded" from the client.
    const forger = await rawClient(assessmentId, chair.token)
    forger.edit((doc) =>
      recordedMap(doc).set(vcse.person.id, { how: 'paper', enteredBy: chair.person.id, enteredAt: 1 }),
    )
    expect((await forger.closed).reason).toMatch(/only the server records who took part on paper/)

    // A marker after the refusals arrives; the refused changes never did.
    const stamp = Date.now()
    setTick(watcher.doc, vcse.person.id, items[2]!, true, stamp)
    const chairView = await t.connect(assessmentId, chair.token)
    await waitFor(() => ticksMap(chairView.doc).get(tickKey(vcse.person.id, items[2]!))?.at === stamp)
    expect(ticksMap(chairView.doc).get(tickKey(rosa.id, items[1]!))?.ticked).toBe(false)
    expect(recordedMap(chairView.doc).has(vcse.person.id)).toBe(false)
    chairRaw.close()
  })

  it('counts the recorded person in their group in every report, marked with who recorded them', async () => {
    const { assessmentId, chair, vcse } = await t.createRoom()
    const rosa = (await addRosa(assessmentId, chair.token)).body.person as { id: string }
    const { items } = area()
    const chairSide = await t.connect(assessmentId, chair.token)
    recordAnswers(chairSide.doc, chair.person.id, rosa.id, {
      ticks: items.map((id, i) => [id, i === 0] as const),
      views: null,
    })
    setTick(chairSide.doc, chair.person.id, items[0]!, true)
    const watcher = await t.connect(assessmentId, vcse.token)
    await waitFor(() => ticksMap(watcher.doc).get(tickKey(rosa.id, items[0]!))?.ticked === true)

    // The chair's named report: Rosa by name, in her group, marked with the chair's name and "from paper".
    const named = await fetch(`${t.baseUrl}/api/assessments/${assessmentId}/report?names=1`, {
      headers: { authorization: `Bearer ${chair.token}` },
    })
    const html = await named.text()
    expect(html).toContain('Rosa Diaz')
    expect(html).toContain('Participant (recorded by Chair from paper)')
    expect(html).toMatch(/1 person took part on paper or by phone/)

    // The items CSV for the chair: the lived-experience group has one respondent, who ticked the first item.
    const csv = await fetch(`${t.baseUrl}/api/assessments/${assessmentId}/report/items.csv?names=1`, {
      headers: { authorization: `Bearer ${chair.token}` },
    }).then((r) => r.text())
    const firstRow = csv.split('\n').find((line) => line.includes(items[0]!))!
    expect(firstRow).toContain('Rosa Diaz (Carers Together) (recorded by Chair from paper)')

    // A participant's report: no names and no chair's name, but the same group count and the note.
    const theirs = await fetch(`${t.baseUrl}/api/assessments/${assessmentId}/report`, {
      headers: { authorization: `Bearer ${vcse.token}` },
    }).then((r) => r.text())
    expect(theirs).not.toContain('Rosa Diaz')
    expect(theirs).toMatch(/fewer than 3 people took part on paper or by phone/)
    expect(theirs).toContain('Lived experience or community member')
  })

  it("keeps who was recorded, and by whom, through the chair's backup and its import", async () => {
    const { assessmentId, chair } = await t.createRoom()
    const rosa = (await addRosa(assessmentId, chair.token, 'phone')).body.person as { id: string }
    // biome-ignore lint/suspicious/noExplicitAny: the file is read back and edited as plain JSON
    const exported: any = await fetch(`${t.baseUrl}/api/assessments/${assessmentId}/report/export.json`, {
      headers: { authorization: `Bearer ${chair.token}` },
    }).then((r) => r.json())
    expect(exported.board.recorded).toEqual({
      [rosa.id]: { how: 'phone', enteredBy: chair.person.id, enteredAt: expect.any(Number) },
    })
    const imported = await t.api('/api/assessments/import', { token: ADMIN_KEY, body: exported })
    expect(imported.status).toBe(201)
    const newChair = await t.join(imported.body.chairInvite.token, 'Chair again', 'ics')
    const board = await t.connect(imported.body.assessment.id, newChair.token)
    expect(recordedMap(board.doc).get(rosa.id)).toEqual(exported.board.recorded[rosa.id])

    // A backup naming a real participant (or nobody) as recorded is refused whole.
    const forged = structuredClone(exported)
    forged.board.recorded = { [chair.person.id]: forged.board.recorded[rosa.id] }
    const refused = await t.api('/api/assessments/import', { token: ADMIN_KEY, body: forged })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toMatch(/is not a participant on the board/)
  })

  it('gives anyone on the board the checklist and discussion guide as Word, under a human file name', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const observer = await t.join(await t.invite(assessmentId, chair.token, 'observer'), 'Olu', 'ics')
    const one = await fetch(`${t.baseUrl}/api/assessments/${assessmentId}/checklist.docx?areas=1a`, {
      headers: { authorization: `Bearer ${observer.token}` },
    })
    expect(one.status).toBe(200)
    const disposition = one.headers.get('content-disposition') ?? ''
    expect(disposition).toMatch(
      /^attachment; filename="Co-assess checklist - Test assessment - 1a [^"]+\.docx"/,
    )
    expect(disposition).toMatch(/filename\*=UTF-8''Co-assess%20checklist%20-%20Test%20assessment%20-%201a%20/)
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await one.arrayBuffer()) })
    expect(text).toContain('Checklist and discussion guide')
    expect(text).toContain('\u2610')
    expect(text).toContain('Your views on 1a')
    expect(text).toContain('Lived experience or community member')
    expect(text).not.toContain('2a ')

    const all = await fetch(`${t.baseUrl}/api/assessments/${assessmentId}/checklist.docx`, {
      headers: { authorization: `Bearer ${chair.token}` },
    })
    expect(all.headers.get('content-disposition')).toMatch(/Test assessment - all areas\.docx"/)
    const unknown = await t.api(`/api/assessments/${assessmentId}/checklist.docx?areas=9z`, {
      token: chair.token,
    })
    expect(unknown.status).toBe(400)
    expect((await t.api(`/api/assessments/${assessmentId}/checklist.docx`)).status).toBe(401)
  })
})
