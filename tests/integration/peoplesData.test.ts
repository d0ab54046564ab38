import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join as joinPath } from 'node:path'
import { setTick } from '@co-assess/board-model'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { frameworkItems } from '../utils/frameworkItems.ts'
import { ADMIN_KEY, startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

const ITEM = frameworkItems().items[0]!

// People's data end to end on the embedded store: groups set per assessment, people with no group,
// erasing a name, deleting an assessment with every file of it, retention, and equality answers.

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

const invite = async (assessmentId: string, token: string, body: Record<string, unknown>) => {
  const response = await t.api(`/api/assessments/${assessmentId}/invites`, { token, body })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.token as string
}
const join = (token: string, name: string, group?: string | null) =>
  t.api(`/api/invites/${token}/join`, {
    body: { displayName: name, organisation: `${name} Org`, ...(group === undefined ? {} : { group }) },
  })

describe('groups set per assessment', () => {
  it('lets the chair add a group, fix or offer groups per invite, and keeps observers out of every group', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const set = await t.api(`/api/assessments/${assessmentId}/groups`, {
      method: 'PUT',
      token: chair.token,
      body: {
        groups: [
          { id: 'ics', label: 'ICS or statutory organisation' },
          { id: 'vcse', label: 'VCSE' },
          { id: 'lived-experience', label: 'Lived experience' },
          { label: 'Healthwatch' },
        ],
      },
    })
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    expect(set.body.groups.at(-1)).toEqual({ id: 'healthwatch', label: 'Healthwatch' })

    // An invite that fixes Healthwatch: the join page is offered that one, and sending nothing takes it.
    const fixed = await invite(assessmentId, chair.token, { role: 'participant', groups: ['healthwatch'] })
    expect((await t.api(`/api/invites/${fixed}`)).body.groups).toEqual([
      { id: 'healthwatch', label: 'Healthwatch' },
    ])
    const hana = await join(fixed, 'Hana')
    expect(hana.status).toBe(201)
    expect(hana.body.person.group).toBe('healthwatch')
    // A choice between two: anything else is refused, naming the choices.
    const choice = await invite(assessmentId, chair.token, {
      role: 'participant',
      groups: ['vcse', 'lived-experience'],
    })
    const refused = await join(choice, 'Ian', 'ics')
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(/vcse \(VCSE\), lived-experience \(Lived experience\)/)
    expect((await join(choice, 'Ian', 'peer-reviewer')).status).toBe(400)
    expect((await join(choice, 'Lee', 'lived-experience')).status).toBe(201)
    // An invite may not name a group the assessment does not have, nor give an observer one.
    const unknown = await t.api(`/api/assessments/${assessmentId}/invites`, {
      token: chair.token,
      body: { role: 'participant', groups: ['carers'] },
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toMatch(/carers is not one of this assessment's groups/)
    const observerGroup = await t.api(`/api/assessments/${assessmentId}/invites`, {
      token: chair.token,
      body: { role: 'observer', groups: ['vcse'] },
    })
    expect(observerGroup.status).toBe(400)

    // An observer joins with no group, whatever an older page sends.
    const observerInvite = await invite(assessmentId, chair.token, { role: 'observer' })
    expect((await t.api(`/api/invites/${observerInvite}`)).body.groups).toEqual([])
    const observer = await join(observerInvite, 'Olu', 'vcse')
    expect(observer.status).toBe(201)
    expect(observer.body.person.group).toBeNull()
    // A chair invited to facilitate has no group either.
    const facilitator = await join(
      await invite(assessmentId, chair.token, { role: 'chair', groups: [] }),
      'Fay',
    )
    expect(facilitator.body.person.group).toBeNull()

    // Hana and the facilitator tick one item: the report counts Healthwatch by its name, and not the
    // facilitator, who has no group (an observer cannot tick at all).
    const { doc } = await t.connect(assessmentId, chair.token)
    const itemId = ITEM
    for (const who of [hana.body, facilitator.body]) {
      const conn = await t.connect(assessmentId, who.token)
      setTick(conn.doc, who.person.id, itemId, true, Date.now())
    }
    await waitFor(() => doc.getMap('ticks').size >= 2)
    const response = await fetch(`${t.baseUrl}/api/assessments/${assessmentId}/report.md`, {
      headers: { authorization: `Bearer ${chair.token}` },
    })
    const markdown = await response.text()
    expect(response.status).toBe(200)
    expect(markdown).toMatch(/Healthwatch: 1 of 1/)
    expect(markdown).not.toMatch(/No group/)

    // A group someone joined under cannot be removed, only renamed.
    const removing = await t.api(`/api/assessments/${assessmentId}/groups`, {
      method: 'PUT',
      token: chair.token,
      body: { groups: [{ id: 'ics', label: 'ICS' }] },
    })
    expect(removing.status).toBe(409)
    expect(removing.body.message).toMatch(/Healthwatch/)
    const dup = await t.api(`/api/assessments/${assessmentId}/groups`, {
      method: 'PUT',
      token: chair.token,
      body: { groups: [{ label: 'Carers' }, { label: 'carers ' }] },
    })
    expect(dup.status).toBe(400)
  })
})

describe('erasing a name', () => {
  it('replaces the name on the board, in the people records and in the stored log; ticks stay', async () => {
    const { assessmentId, chair, vcse } = await t.createRoom()
    const { doc } = await t.connect(assessmentId, vcse.token)
    setTick(doc, vcse.person.id, ITEM, true, Date.now())
    const chairView = await t.connect(assessmentId, chair.token)
    await waitFor(() => chairView.doc.getMap('ticks').size === 1)

    const erased = await t.api(`/api/assessments/${assessmentId}/people/${vcse.person.id}/erase`, {
      token: chair.token,
      body: {},
    })
    expect(erased.status, JSON.stringify(erased.body)).toBe(200)
    await waitFor(
      () => (chairView.doc.getMap('people').get(vcse.person.id) as { name: string }).name !== 'Vic',
    )
    expect(chairView.doc.getMap('people').get(vcse.person.id)).toMatchObject({
      name: 'A participant from Voluntary, community or social enterprise (VCSE)',
      organisation: '',
      group: 'vcse',
    })
    expect(chairView.doc.getMap('ticks').size).toBe(1)
    const people = await t.api(`/api/assessments/${assessmentId}`, { token: chair.token })
    const record = people.body.participants.find((p: { id: string }) => p.id === vcse.person.id)
    expect(record).toMatchObject({
      displayName: expect.stringMatching(/^A participant from/),
      organisation: '',
    })
    // Nothing stored of the board still holds the name or the organisation.
    const docs = joinPath(t.dataDir, 'docs')
    for (const file of (await readdir(docs)).filter((f) => f.startsWith(assessmentId))) {
      const bytes = await readFile(joinPath(docs, file))
      expect(bytes.includes('Vic Org'), file).toBe(false)
    }
    // Only the chair may erase.
    const byParticipant = await t.api(`/api/assessments/${assessmentId}/people/${chair.person.id}/erase`, {
      token: vcse.token,
      body: {},
    })
    expect(byParticipant.status).toBe(403)
  })
})

describe('deleting an assessment', () => {
  it('needs the title to confirm, then removes its records and every file of it, blind documents and copies included', async () => {
    const { assessmentId, chair, ics } = await t.createRoom()
    const other = await t.createAssessment()
    const docs = joinPath(t.dataDir, 'docs')
    // A private blind-round document and a damaged log's copy, as the store would leave them.
    await t.server.storage.documents.appendUpdate(
      `${assessmentId}.blind.${ics.person.id}`,
      new Uint8Array([0, 0]),
    )
    await writeFile(joinPath(docs, `${assessmentId}.log.corrupt-2025-01-01T00-00-00.000Z`), 'copy')

    const unconfirmed = await t.api(`/api/assessments/${assessmentId}`, {
      method: 'DELETE',
      token: chair.token,
      body: { confirmTitle: 'wrong' },
    })
    expect(unconfirmed.status).toBe(400)
    expect(unconfirmed.body.message).toMatch(/type the assessment's title exactly/)
    const byParticipant = await t.api(`/api/assessments/${assessmentId}`, {
      method: 'DELETE',
      token: ics.token,
      body: { confirmTitle: 'Test assessment' },
    })
    expect(byParticipant.status).toBe(403)

    const deleted = await t.api(`/api/assessments/${assessmentId}`, {
      method: 'DELETE',
      token: chair.token,
      body: { confirmTitle: 'Test assessment' },
    })
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200)
    expect((await readdir(docs)).filter((f) => f.startsWith(assessmentId))).toEqual([])
    expect(await t.server.storage.metadata.getAssessment(assessmentId)).toBeUndefined()
    expect(await t.server.storage.metadata.listParticipants(assessmentId)).toEqual([])
    expect((await t.api(`/api/assessments/${assessmentId}`, { token: chair.token })).status).toBe(401)
    // The other assessment is untouched; the admin key may delete it too.
    expect(await t.server.storage.documents.loadDocument(other.assessmentId)).not.toBeNull()
    const byAdmin = await t.api(`/api/assessments/${other.assessmentId}`, {
      method: 'DELETE',
      token: ADMIN_KEY,
      body: { confirmTitle: 'Test assessment' },
    })
    expect(byAdmin.status).toBe(200)
  })

  it('deletes an assessment once its retention period has passed, by the clock the sweep is given', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const kept = await t.createAssessment()
    const bad = await t.api(`/api/assessments/${assessmentId}/retention`, {
      method: 'PUT',
      token: chair.token,
      body: { days: 0 },
    })
    expect(bad.status).toBe(400)
    const set = await t.api(`/api/assessments/${assessmentId}/retention`, {
      method: 'PUT',
      token: chair.token,
      body: { days: 30 },
    })
    expect(set.status).toBe(200)
    expect(Date.parse(set.body.deleteAt) - Date.now()).toBeGreaterThan(29 * 86_400_000)

    expect(await t.server.sweepRetention(Date.now() + 29 * 86_400_000)).toEqual([])
    expect(await t.server.storage.metadata.getAssessment(assessmentId)).toBeDefined()
    expect(await t.server.sweepRetention(Date.now() + 31 * 86_400_000)).toEqual([assessmentId])
    expect(await t.server.storage.metadata.getAssessment(assessmentId)).toBeUndefined()
    expect(await t.server.storage.documents.loadDocument(assessmentId)).toBeNull()
    expect(await t.server.storage.metadata.getAssessment(kept.assessmentId)).toBeDefined()
  })
})

describe('equality monitoring', () => {
  it('stores answers apart from identity, once each, and shows the chair only suppressed totals', async () => {
    const { assessmentId, chair, ics, vcse } = await t.createRoom()
    const questions = await t.api('/api/equality/questions')
    expect(questions.body.questions.map((q: { id: string }) => q.id)).toEqual(
      expect.arrayContaining(['age', 'sex', 'ethnic-group', 'disability']),
    )
    for (const q of questions.body.questions)
      expect(q.options.at(-1)).toEqual({ id: 'prefer-not-to-say', label: 'Prefer not to say' })

    const answer = (token: string, body: unknown) =>
      t.api(`/api/assessments/${assessmentId}/equality`, { token, body })
    expect((await answer(ics.token, { age: 'ancient' })).status).toBe(400)
    expect((await answer(ics.token, { personId: 'x' })).status).toBe(400)
    expect((await answer(ics.token, { age: '25-34', 'ethnic-group': 'asian' })).status).toBe(201)
    expect((await answer(ics.token, { age: '35-49' })).status).toBe(409)
    expect((await answer(vcse.token, { age: '25-34', disability: 'prefer-not-to-say' })).status).toBe(201)

    // Two answers: fewer than the threshold, so not even a breakdown.
    const few = await t.api(`/api/assessments/${assessmentId}/equality`, { token: chair.token })
    expect(few.body).toEqual({ respondents: 'fewer than 3', threshold: 3, questions: [] })
    expect((await answer(chair.token, { age: '25-34' })).status).toBe(201)
    const summary = await t.api(`/api/assessments/${assessmentId}/equality`, { token: chair.token })
    expect(summary.body.respondents).toBe(3)
    const age = summary.body.questions.find((q: { id: string }) => q.id === 'age')
    expect(age.counts.find((c: { id: string }) => c.id === '25-34').count).toBe(3)
    expect(age.counts.find((c: { id: string }) => c.id === 'under-16').count).toBe('fewer than 3')
    // Nothing the chair sees, and nothing stored with the answers, names who gave them.
    expect(JSON.stringify(summary.body)).not.toMatch(new RegExp(`${ics.person.id}|Ivy|Vic`))
    const stored = await t.server.storage.metadata.listEqualityAnswers(assessmentId)
    expect(JSON.stringify(stored)).not.toMatch(new RegExp(`${ics.person.id}|${vcse.person.id}`))
    expect((await t.api(`/api/assessments/${assessmentId}/equality`, { token: ics.token })).status).toBe(403)
  })
})
