import {
  addComment,
  agreeAction,
  editComment,
  hiddenNotice,
  moderationKey,
  type NewComment,
  proposeAction,
  readActions,
  readModeration,
  readReviewLog,
  recordAgreedLevel,
  reviewEventKey,
  suggestPeerLevel,
  updateAction,
} from '@co-assess/board-model'
import { commentsMap, moderationMap, reviewLogMap } from '@co-assess/board-model/roots'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardJson } from '../utils/boardJson.ts'
import { RawSyncClient } from '../utils/rawSyncClient.ts'
import { type Joined, startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// The chair's moderation, the peer review's close and reopen, and who may make a comment an action,
// through the real server: the HTTP routes, the write gate, and every output a hidden comment could
// leak through.

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

const HURTFUL = 'Everyone at Northgate trust is lazy and useless'
const REASON = 'Hurtful to a partner organisation'

const comment = (text: string, layer: 'host' | 'peer' = 'host'): NewComment => ({
  anchor: { areaId: '1a', itemId: null },
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  text,
  mentions: [],
  layer,
})

async function room() {
  const { assessmentId, chair } = await t.createAssessment()
  const invite = (role: Joined['person']['role']) => t.invite(assessmentId, chair.token, role)
  const ics = await t.join(await invite('participant'), 'Ivy', 'ics')
  const vcse = await t.join(await invite('participant'), 'Vic', 'vcse')
  const reviewer = await t.join(await invite('peer-reviewer'), 'Pat', 'ics')
  const observer = await t.join(await invite('observer'), 'Olu', 'ics')
  const chairClient = await t.connect(assessmentId, chair.token)
  const vcseClient = await t.connect(assessmentId, vcse.token)
  const icsClient = await t.connect(assessmentId, ics.token)
  const hurtful = addComment(vcseClient.doc, vcse.person.id, comment(HURTFUL))
  const kind = addComment(icsClient.doc, ics.person.id, comment('Evenings would help'))
  // The author makes their comment an action, which the chair agrees: it would reach the public page.
  const action = proposeAction(vcseClient.doc, vcse.person.id, {
    youSaid: HURTFUL,
    raisedBy: ['vcse'],
    weDid: '',
    owner: '',
    dueDate: null,
    areaIds: ['1a'],
    fromCommentId: hurtful,
  })
  await waitFor(() => expect(readActions(chairClient.doc)).toHaveLength(1))
  agreeAction(chairClient.doc, chair.person.id, action, null)
  await waitFor(() => {
    for (const c of [chairClient, vcseClient, icsClient]) {
      expect(c.provider.unsyncedChanges).toBe(0)
      expect(commentsMap(c.doc).size).toBe(2)
      expect(readActions(c.doc)[0]?.status).toBe('agreed')
    }
  })
  return {
    assessmentId,
    people: { chair, ics, vcse, reviewer, observer },
    ids: { hurtful, kind, action },
    clients: { chairClient, vcseClient, icsClient },
  }
}
type Room = Awaited<ReturnType<typeof room>>

const hide = (r: Room, token: string, reason = REASON, commentId = r.ids.hurtful) =>
  t.api(`/api/assessments/${r.assessmentId}/comments/${commentId}/hide`, { token, body: { reason } })
const show = (r: Room, token: string) =>
  t.api(`/api/assessments/${r.assessmentId}/comments/${r.ids.hurtful}/show`, { method: 'POST', token })

async function text(path: string, token?: string) {
  const response = await fetch(`${t.baseUrl}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
  expect(response.status, path).toBe(200)
  return response.text()
}

async function hostile(assessmentId: string, token: string) {
  const raw = new RawSyncClient(t.wsUrl, assessmentId)
  await raw.authenticate(token)
  await waitFor(() => raw.isSynced)
  return raw
}

describe('hiding a comment', () => {
  it('takes the words from everyone’s board, every output and the stored log, and shows the reason', async () => {
    const r = await room()
    const hidden = await hide(r, r.people.chair.token)
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(200)
    expect(hidden.body).toMatchObject({ hidden: true, reason: REASON, by: r.people.chair.person.id })
    for (const c of Object.values(r.clients)) {
      await waitFor(() => expect(commentsMap(c.doc).get(r.ids.hurtful)?.text).toBe(''))
      expect(readModeration(c.doc).get(r.ids.hurtful)?.reason).toBe(REASON)
      expect(readActions(c.doc)[0]?.youSaid).toBe(hiddenNotice(REASON))
    }
    // Someone opening the board now is never sent the words, not even in Yjs's history.
    const fresh = await t.connect(r.assessmentId, r.people.ics.token)
    await waitFor(() => expect(readModeration(fresh.doc).get(r.ids.hurtful)?.hidden).toBe(true))
    expect(Buffer.from(Y.encodeStateAsUpdate(fresh.doc)).toString('utf8')).not.toContain(HURTFUL)
    // Nor is the stored log: it was compacted from the board as it is now.
    const stored = await t.server.storage.documents.loadDocument(r.assessmentId)
    expect(Buffer.from(stored ?? new Uint8Array()).toString('utf8')).not.toContain(HURTFUL)

    const { chair, vcse } = r.people
    // The test's chair is called "Chair", so "Hidden by the chair" is flagged as a possible name: confirm it.
    const preview = await t.api(`/api/assessments/${r.assessmentId}/publication/preview`, {
      token: chair.token,
      body: { actionIds: [r.ids.action] },
    })
    expect(JSON.stringify(preview.body)).not.toContain(HURTFUL)
    const published = await t.api(`/api/assessments/${r.assessmentId}/publication`, {
      token: chair.token,
      body: {
        actionIds: [r.ids.action],
        confirmedNames: preview.body.possibleNames.map((flag: { id: string }) => flag.id),
      },
    })
    expect(published.status, JSON.stringify(published.body)).toBe(201)
    const outputs = [
      await text(`/api/assessments/${r.assessmentId}/report.md`, chair.token),
      await text(`/api/assessments/${r.assessmentId}/report.md`, vcse.token),
      await text(`/api/assessments/${r.assessmentId}/report/actions.csv`, chair.token),
      await text(`/api/assessments/${r.assessmentId}/report/export.json`, chair.token),
      await text(published.body.path),
    ]
    // The next assessment carries the action forward; its comparison of then and now is for the room.
    const again = await t.api(`/api/assessments/${r.assessmentId}/reassess`, { token: chair.token, body: {} })
    expect(again.status, JSON.stringify(again.body)).toBe(201)
    const newChair = await t.join(again.body.chairInvite.token, 'Nia', 'ics')
    outputs.push(await text(`/api/assessments/${again.body.assessment.id}/comparison`, newChair.token))
    outputs.push(
      await text(`/api/assessments/${again.body.assessment.id}/report/actions.csv`, newChair.token),
    )
    for (const output of outputs) expect(output).not.toContain(HURTFUL)
    expect(outputs[3]).toContain(REASON)
  })

  it('shows it again with its words and the action’s, and keeps who hid and showed it, and when', async () => {
    const r = await room()
    expect((await hide(r, r.people.chair.token)).status).toBe(200)
    const shown = await show(r, r.people.chair.token)
    expect(shown.status, JSON.stringify(shown.body)).toBe(200)
    for (const c of Object.values(r.clients)) {
      await waitFor(() => expect(commentsMap(c.doc).get(r.ids.hurtful)?.text).toBe(HURTFUL))
      expect(readActions(c.doc)[0]?.youSaid).toBe(HURTFUL)
    }
    const record = readModeration(r.clients.icsClient.doc).get(r.ids.hurtful)
    expect(record?.hidden).toBe(false)
    expect(record?.events.map((e) => [e.kind, e.by, e.reason])).toEqual([
      ['hidden', r.people.chair.person.id, REASON],
      ['shown', r.people.chair.person.id, ''],
    ])
    expect((await show(r, r.people.chair.token)).status).toBe(409)
  })

  it('is the chair’s alone: the author, other participants, reviewers and observers are refused', async () => {
    const r = await room()
    const { vcse, ics, reviewer, observer, chair } = r.people
    for (const who of [vcse, ics, reviewer, observer]) {
      expect((await hide(r, who.token)).status).toBe(403)
    }
    expect((await hide(r, chair.token)).status).toBe(200)
    for (const who of [vcse, ics, reviewer, observer]) expect((await show(r, who.token)).status).toBe(403)
    expect(commentsMap(r.clients.chairClient.doc).get(r.ids.hurtful)?.text).toBe('')
  })

  it('needs a reason, and a comment on the board', async () => {
    const r = await room()
    const blank = await hide(r, r.people.chair.token, '   ')
    expect(blank.status).toBe(400)
    expect(blank.body.message).toMatch(/reason is required/)
    expect((await hide(r, r.people.chair.token, REASON, 'no-such-comment')).status).toBe(404)
  })
})

describe('the write gate, for moderation, levels and actions from comments', () => {
  it.each<[string, keyof Room['people'], (r: Room) => (d: Y.Doc) => void, boolean]>([
    [
      'writes a moderation record itself, as the chair',
      'chair',
      (r) => (d) =>
        moderationMap(d).set(moderationKey.encode(r.ids.hurtful), {
          hidden: true,
          reason: 'x',
          by: r.people.chair.person.id,
          at: 1,
          events: [],
        }),
      false,
    ],
    [
      'closes the peer review through the board, writing its log itself, as the chair',
      'chair',
      (r) => (d) =>
        reviewLogMap(d).set(reviewEventKey.encode(Date.now(), 0), {
          kind: 'closed',
          by: r.people.chair.person.id,
          at: Date.now(),
        }),
      false,
    ],
    [
      'writes the words back into their hidden comment, as its author',
      'vcse',
      (r) => (d) =>
        editComment(d, r.people.vcse.person.id, r.ids.hurtful, comment(HURTFUL).body, HURTFUL, []),
      true,
    ],
    [
      'makes another participant’s comment into an action',
      'ics',
      (r) => (d) =>
        void proposeAction(d, r.people.ics.person.id, {
          youSaid: 'x',
          raisedBy: [],
          weDid: '',
          owner: '',
          dueDate: null,
          areaIds: ['1a'],
          fromCommentId: r.ids.hurtful,
        }),
      false,
    ],
    [
      'records a level with no rationale, as the chair',
      'chair',
      (r) => (d) =>
        recordAgreedLevel(d, r.people.chair.person.id, '1a', {
          level: 'not-yet',
          rationale: '',
          dissent: '',
          sessionId: null,
        }),
      false,
    ],
  ])('refuses a client that %s', async (_what, who, makeEdit, hideFirst) => {
    const r = await room()
    if (hideFirst) expect((await hide(r, r.people.chair.token)).status).toBe(200)
    const watcher = r.clients.icsClient
    if (hideFirst) await waitFor(() => expect(readModeration(watcher.doc).size).toBe(1))
    const expected = boardJson(watcher.doc)
    const raw = await hostile(r.assessmentId, r.people[who].token)
    raw.edit(makeEdit(r))
    const closed = await raw.closed
    expect(closed.code).toBe(4403)
    expect(boardJson(watcher.doc)).toBe(expected)
  })

  it('lets the comment’s author and the chair make it an action, and the chair record a level with no reason by choice', async () => {
    const r = await room()
    const { chairClient, icsClient } = r.clients
    proposeAction(icsClient.doc, r.people.ics.person.id, {
      youSaid: 'Evenings would help',
      raisedBy: ['ics'],
      weDid: '',
      owner: '',
      dueDate: null,
      areaIds: ['1a'],
      fromCommentId: r.ids.kind,
    })
    proposeAction(chairClient.doc, r.people.chair.person.id, {
      youSaid: 'Evenings would help',
      raisedBy: ['ics'],
      weDid: '',
      owner: '',
      dueDate: null,
      areaIds: ['1a'],
      fromCommentId: r.ids.kind,
    })
    recordAgreedLevel(chairClient.doc, r.people.chair.person.id, '1a', {
      level: 'not-yet',
      rationale: 'We agreed without recording a reason.',
      dissent: '',
      sessionId: null,
    })
    await waitFor(() => {
      expect(readActions(r.clients.vcseClient.doc)).toHaveLength(3)
      expect(chairClient.provider.unsyncedChanges).toBe(0)
      expect(icsClient.provider.unsyncedChanges).toBe(0)
    })
  })
})

describe('a dropped proposal', () => {
  it('reads as never agreed in the actions CSV, even dropped during a session', async () => {
    const r = await room()
    const { chairClient } = r.clients
    const id = proposeAction(chairClient.doc, r.people.chair.person.id, {
      youSaid: 'Pay for taxis',
      raisedBy: ['vcse'],
      weDid: '',
      owner: '',
      dueDate: null,
      areaIds: ['1a'],
    })
    updateAction(chairClient.doc, r.people.chair.person.id, id, {
      status: 'dropped',
      droppedReason: 'No budget',
    })
    await waitFor(() => expect(chairClient.provider.unsyncedChanges).toBe(0))
    const csv = await text(`/api/assessments/${r.assessmentId}/report/actions.csv`, r.people.chair.token)
    const row = csv.split('\r\n').find((line) => line.includes('Pay for taxis'))
    expect(row).toContain('Never agreed: dropped while still a proposal')
    expect(row).not.toContain('In session')
    expect(row).not.toContain('Outside a session')
  })
})

describe('closing and reopening the peer review', () => {
  it('lets only a chair close and reopen it, logs who and when, and lets reviewers write again', async () => {
    const r = await room()
    const { chair, reviewer, vcse, observer } = r.people
    const post = (what: 'close' | 'reopen', token: string) =>
      t.api(`/api/assessments/${r.assessmentId}/review/${what}`, { method: 'POST', token })
    for (const who of [vcse, reviewer, observer]) {
      expect((await post('close', who.token)).status).toBe(403)
    }
    const closed = await post('close', chair.token)
    expect(closed.status).toBe(200)
    expect(closed.body).toMatchObject({ changed: true })
    expect(typeof closed.body.reviewClosedAt).toBe('string')
    for (const who of [vcse, reviewer, observer]) expect((await post('reopen', who.token)).status).toBe(403)
    const reviewerClient = await t.connect(r.assessmentId, reviewer.token)
    await waitFor(() => expect(reviewerClient.doc.getMap('meta').get('reviewClosedAt')).toBeTypeOf('number'))

    const reopened = await post('reopen', chair.token)
    expect(reopened.body).toEqual({ reviewClosedAt: null, changed: true })
    expect((await post('reopen', chair.token)).body.changed).toBe(false)
    await waitFor(() => expect(reviewerClient.doc.getMap('meta').get('reviewClosedAt')).toBeNull())
    expect(readReviewLog(reviewerClient.doc).map((e) => [e.kind, e.by])).toEqual([
      ['closed', chair.person.id],
      ['reopened', chair.person.id],
    ])
    // Reopened means open to write again, on the server as well as on the page.
    suggestPeerLevel(reviewerClient.doc, reviewer.person.id, '1a', { level: 'emerging', reasoning: 'Again' })
    addComment(reviewerClient.doc, reviewer.person.id, comment('One more question', 'peer'))
    await waitFor(() => {
      expect(reviewerClient.provider.unsyncedChanges).toBe(0)
      expect(commentsMap(r.clients.chairClient.doc).size).toBe(3)
    })
  })
})
