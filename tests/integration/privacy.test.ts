import {
  agreeAction,
  noteFragment,
  proposeAction,
  setTick,
  suggestPeerLevel,
  updateAction,
} from '@co-assess/board-model'
import mammoth from 'mammoth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ADMIN_KEY, startTestServer, type TestServer } from '../utils/testServer.ts'

// What leaves the board, for every audience: a name, an organisation and a mention are planted on
// the board, and each must appear exactly where that audience may see it and nowhere else.

const NAME = 'Maria Lopez'
const ORGANISATION = 'Riverside Food Bank'
const MENTION = '@Maria'
const OWNER_NAME = 'Priya Shah'
const YOU_SAID = `Agree with ${MENTION} Lopez – we should ask for a paper claim form`

// A server per test: each room takes six joins, and joining is rate-limited per address.
let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

type Joined = Awaited<ReturnType<TestServer['join']>>

async function join(invite: string, displayName: string, organisation: string, group?: string) {
  return t.api(`/api/invites/${invite}/join`, {
    body: { displayName, organisation, ...(group === undefined ? {} : { group }) },
  })
}

async function joined(invite: string, displayName: string, organisation: string, group?: string) {
  const response = await join(invite, displayName, organisation, group)
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body as Joined
}

async function write(name: string, change: (doc: Y.Doc) => void) {
  const connection = await t.server.hocuspocus.openDirectConnection(name)
  await connection.transact(change)
  await connection.disconnect()
}

async function get(path: string, token?: string) {
  return fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
}

/** An output as the text a reader sees: Word through a docx reader, the rest as served. */
async function text(path: string, token?: string): Promise<string> {
  const response = await get(path, token)
  expect(response.status, path).toBe(200)
  if (path.includes('.docx'))
    return (await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) })).value
  return response.text()
}

async function room() {
  const created = await t.api('/api/assessments', {
    token: ADMIN_KEY,
    body: { title: 'Privacy', frameworkId: 'cqc-hi-2025', scope: 'strategic', workstream: 'Engagement' },
  })
  expect(created.status).toBe(201)
  const assessmentId = created.body.assessment.id as string
  const chairLink = created.body.chairInvite.token as string
  const chair = await joined(chairLink, 'Chair', 'Chair Org', 'ics')
  const invite = (role: 'participant' | 'observer' | 'peer-reviewer') =>
    t.invite(assessmentId, chair.token, role)
  const participantLink = await invite('participant')
  const maria = await joined(participantLink, NAME, ORGANISATION, 'vcse')
  const priya = await joined(participantLink, OWNER_NAME, 'Northshire ICB', 'ics')
  const zoe = await joined(participantLink, 'Zoë Ñúñez', 'Café Ça Va', 'lived-experience')
  const observer = await joined(await invite('observer'), 'Olu Ade', 'Observer Trust', 'ics')
  const peer = await joined(await invite('peer-reviewer'), 'Petra Novak', 'Southshire ICB')
  const ids: Record<string, string> = {}
  await write(assessmentId, (doc) => {
    setTick(doc, maria.person.id, '1a.emerging.1', true)
    setTick(doc, priya.person.id, '1a.emerging.1', true)
    setTick(doc, zoe.person.id, '1a.emerging.2', true)
    suggestPeerLevel(doc, peer.person.id, '1a', { level: 'developing', reasoning: `As ${NAME} showed` })
    const para = new Y.XmlElement('paragraph')
    para.insert(0, [new Y.XmlText(`${NAME} brought the claim figures`)])
    noteFragment(doc, '1a').insert(0, [para])
    ids.agreed = proposeAction(doc, zoe.person.id, {
      youSaid: YOU_SAID,
      raisedBy: ['vcse'],
      weDid: '',
      owner: `${OWNER_NAME} (ICB engagement team)`,
      dueDate: null,
      areaIds: ['1a'],
    })
    agreeAction(doc, chair.person.id, ids.agreed, null)
    ids.dropped = proposeAction(doc, zoe.person.id, {
      youSaid: 'Pay for travel to the sessions',
      raisedBy: ['lived-experience'],
      weDid: '',
      owner: '',
      dueDate: null,
      areaIds: ['1a'],
    })
    updateAction(doc, chair.person.id, ids.dropped, {
      status: 'dropped',
      droppedReason: `No travel budget until April, as @${OWNER_NAME.split(' ')[0]} explained`,
    })
    ids.proposed = proposeAction(doc, maria.person.id, {
      youSaid: 'Open the hub on Sundays',
      raisedBy: ['vcse'],
      weDid: '',
      owner: '',
      dueDate: null,
      areaIds: ['1a'],
    })
    ids.droppedNoReason = proposeAction(doc, maria.person.id, {
      youSaid: 'A crèche',
      raisedBy: ['vcse'],
      weDid: '',
      owner: '',
      dueDate: null,
      areaIds: ['1a'],
    })
    updateAction(doc, chair.person.id, ids.droppedNoReason, { status: 'dropped' })
  })
  await t.server.deps.flush(assessmentId)
  return { assessmentId, chair, chairLink, maria, priya, zoe, observer, peer, ids }
}

const OUTPUTS = ['report', 'report.docx', 'report.md', 'report/items.csv', 'report/actions.csv'] as const
type Output = (typeof OUTPUTS)[number]
type Reader = 'chair with names' | 'chair' | 'participant' | 'observer' | 'peer reviewer'

/** Where each planted value may appear: every other output for that reader must not hold it. */
const MAY_SEE: Record<Reader, { name: readonly Output[]; organisation: readonly Output[] }> = {
  'chair with names': {
    name: OUTPUTS,
    organisation: ['report', 'report.docx', 'report.md', 'report/items.csv'],
  },
  // The chair's "no names" copy keeps organisations and who ticked each item (as organisation and group).
  chair: { name: [], organisation: ['report', 'report.docx', 'report.md', 'report/items.csv'] },
  // Participants see who took part by organisation, never who ticked what.
  participant: { name: [], organisation: ['report', 'report.docx', 'report.md'] },
  observer: { name: [], organisation: [] },
  'peer reviewer': { name: [], organisation: [] },
}

describe('what leaves the board, for each audience', () => {
  it('carries a name, an organisation and a mention exactly where each audience may see them', async () => {
    const { assessmentId, chair, zoe, observer, peer } = await room()
    const readers: Record<Reader, { token: string; query: string }> = {
      'chair with names': { token: chair.token, query: '?names=1' },
      chair: { token: chair.token, query: '' },
      participant: { token: zoe.token, query: '' },
      observer: { token: observer.token, query: '' },
      'peer reviewer': { token: peer.token, query: '' },
    }
    for (const [reader, { token, query }] of Object.entries(readers) as Array<
      [Reader, (typeof readers)[Reader]]
    >) {
      for (const output of OUTPUTS) {
        const body = await text(`/api/assessments/${assessmentId}/${output}${query}`, token)
        const where = `${reader}: ${output}`
        const named = MAY_SEE[reader].name.includes(output)
        expect(body.includes(NAME), `${where} holds the name`).toBe(named)
        // The owner ticked an item too, so the chair's named items CSV lists her as well.
        expect(body.includes(OWNER_NAME), `${where} holds the owner's name`).toBe(named)
        expect(body.includes(MENTION), `${where} holds the mention`).toBe(
          named && output !== 'report/items.csv',
        )
        expect(body.includes(ORGANISATION), `${where} holds the organisation`).toBe(
          MAY_SEE[reader].organisation.includes(output),
        )
        // Where the action is shown without names, the mention reads as the person's group.
        if (!named && output !== 'report/items.csv') {
          expect(body, where).toContain('Agree with a VCSE partner')
          // Markdown escapes the brackets; the words are the same.
          expect(body, where).toMatch(/an ICS partner \\?\(ICB engagement team\\?\)/)
        }
      }
    }
  })

  it('counts a person on two devices once and never counts observers or peer reviewers', async () => {
    const { assessmentId, chair, chairLink, priya } = await room()
    // The chair opens the board on the projector's browser too: a second join, typed a little differently.
    const projector = await joined(chairLink, ' chair ', 'Chair  Org', 'ics')
    expect(projector.person.id).not.toBe(chair.person.id)
    await write(assessmentId, (doc) => {
      setTick(doc, chair.person.id, '1a.emerging.3', true, 1)
      setTick(doc, projector.person.id, '1a.emerging.3', true, 2)
      setTick(doc, priya.person.id, '1a.emerging.3', true, 3)
    })
    const md = await text(`/api/assessments/${assessmentId}/report.md`, chair.token)
    // Chair (twice), Maria, Priya and Zoë ticked in 1a: four people, the chair's ICS tick counted once.
    expect(md).toContain('| 2 of 4 | ICS or statutory organisation: 2 of 2;')
    const whoTookPart = md.slice(md.indexOf('## Who took part'))
    expect(whoTookPart).toContain('| Chair Org | ICS or statutory organisation | 1 |')
    expect(whoTookPart).not.toContain('Observer Trust')
    expect(whoTookPart).not.toContain('Southshire ICB')
  })

  it('lets a chair set the small-number threshold, and suppresses with it', async () => {
    const { assessmentId, chair, zoe } = await room()
    const participantsView = await text(`/api/assessments/${assessmentId}/report.md`, zoe.token)
    expect(participantsView).toContain(
      `| ${ORGANISATION} | Voluntary, community or social enterprise \\(VCSE\\) | fewer than 3 |`,
    )
    expect(
      (
        await t.api(`/api/assessments/${assessmentId}/small-numbers`, {
          method: 'PUT',
          token: zoe.token,
          body: { threshold: 5 },
        })
      ).status,
    ).toBe(403)
    const bad = await t.api(`/api/assessments/${assessmentId}/small-numbers`, {
      method: 'PUT',
      token: chair.token,
      body: { threshold: 0 },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/whole number from 1 to 20/)
    const set = await t.api(`/api/assessments/${assessmentId}/small-numbers`, {
      method: 'PUT',
      token: chair.token,
      body: { threshold: 5 },
    })
    expect(set.status).toBe(200)
    expect(await text(`/api/assessments/${assessmentId}/report.md`, zoe.token)).toContain('fewer than 5')
    // The chair's report keeps exact counts, but for its voice balance: a summary that gets copied into
    // board papers, it follows the assessment's threshold in the chair's copy too.
    const chairs = await text(`/api/assessments/${assessmentId}/report.md`, chair.token)
    const start = chairs.indexOf('## Voice balance')
    const end = chairs.indexOf('\n## ', start + 1)
    const voice = chairs.slice(start, end === -1 ? undefined : end)
    const rest = chairs.slice(0, start) + (end === -1 ? '' : chairs.slice(end))
    expect(start).toBeGreaterThan(-1)
    expect(rest).not.toContain('fewer than')
    expect(rest).toContain('| 2 of 3 |')
    expect(voice).toContain('A group with fewer than 5 people shows no counts')
    expect(voice).toMatch(/\| fewer than 5 \| not shown \| not shown \| not shown \|/)
    expect(voice).toMatch(/\| Everyone \| (fewer than 5|not shown) \| not shown \| not shown \| not shown \|/)
  })
})

describe('publishing', () => {
  it('refuses a proposed action or a dropped one without its reason, and publishes the rest without names', async () => {
    const { assessmentId, chair, ids } = await room()
    if (!ids.agreed || !ids.dropped || !ids.proposed || !ids.droppedNoReason)
      throw new Error('board not seeded')
    const publish = (actionIds: string[]) =>
      t.api(`/api/assessments/${assessmentId}/publication`, { token: chair.token, body: { actionIds } })
    const proposed = await publish([ids.agreed, ids.proposed])
    expect(proposed.status).toBe(400)
    expect(proposed.body.message).toMatch(/"Open the hub on Sundays" is proposed, not agreed/)
    const noReason = await publish([ids.droppedNoReason])
    expect(noReason.status).toBe(400)
    expect(noReason.body.message).toMatch(/dropped without a reason/)
    // Nothing was published by either refusal.
    expect(
      (await t.api(`/api/assessments/${assessmentId}/publication`, { token: chair.token })).body.published,
    ).toBe(false)

    const published = await publish([ids.agreed, ids.dropped])
    expect(published.status, JSON.stringify(published.body)).toBe(201)
    const page = await text(published.body.path)
    for (const secret of [
      NAME,
      MENTION,
      'Maria',
      OWNER_NAME,
      'Priya',
      ORGANISATION,
      'Zoë',
      'ICB engagement team',
    ])
      expect(page, secret).not.toContain(secret)
    expect(page).toContain('Agree with a VCSE partner – we should ask for a paper claim form')
    const cards = page.split('<div class="card">').slice(1)
    const dropped = cards.find((c) => c.includes('Pay for travel'))!
    expect(dropped).toContain('No travel budget until April, as an ICS partner explained')
    expect(dropped).not.toContain('We are still working on this')
    expect(dropped).not.toContain('We will tell you when we know')
    expect(dropped).toContain('We are not going ahead with this.')
  })

  it('redacts names in the comparison of then and now', async () => {
    const { assessmentId, chair, ids } = await room()
    const agreed = ids.agreed ?? ''
    await write(assessmentId, (doc) =>
      updateAction(doc, chair.person.id, agreed, { status: 'done', weDid: `Asked ${NAME} and her team` }),
    )
    const again = await t.api(`/api/assessments/${assessmentId}/reassess`, { token: chair.token, body: {} })
    expect(again.status).toBe(201)
    const newChair = await joined(again.body.chairInvite.token, 'Chair', 'Chair Org', 'ics')
    const observer = await joined(
      await t.invite(again.body.assessment.id, newChair.token, 'observer'),
      'Ola',
      'O',
      'ics',
    )
    for (const token of [newChair.token, observer.token]) {
      const page = await text(`/api/assessments/${again.body.assessment.id}/comparison`, token)
      expect(page).toContain('Agree with a VCSE partner')
      expect(page).toContain('Asked a VCSE partner and her team')
      expect(page).not.toContain('Maria')
    }
  })
})

describe('joining with a group', () => {
  it('refuses a participant link with no group or the group "peer-reviewer", and a peer reviewer needs none', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const link = await t.invite(assessmentId, chair.token, 'participant')
    const asReviewer = await join(link, 'Rita', 'Org', 'peer-reviewer')
    expect(asReviewer.status).toBe(400)
    expect(asReviewer.body.message).toMatch(/"group": choose the group you are here for: ics/)
    expect((await join(link, 'Rita', 'Org')).status).toBe(400)
    expect((await join(link, 'Rita', 'Org', 'cabal')).status).toBe(400)
    expect(await t.server.storage.metadata.listParticipants(assessmentId)).toHaveLength(1)
    const reviewer = await joined(
      await t.invite(assessmentId, chair.token, 'peer-reviewer'),
      'Rae',
      'Southshire ICB',
    )
    expect(reviewer.person.group).toBeNull()
  })
})
