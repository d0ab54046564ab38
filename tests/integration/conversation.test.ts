import {
  addComment,
  agreeAction,
  editComment,
  type NewComment,
  noteFragment,
  proposeAction,
  readActions,
  readPeerSuggestions,
  readThreads,
  recordAgreedLevel,
  setThreadResolved,
  setTick,
  suggestPeerLevel,
  updateAction,
} from '@co-assess/board-model'
import { commentsMap } from '@co-assess/board-model/roots'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardJson } from '../utils/boardJson.ts'
import { RawSyncClient } from '../utils/rawSyncClient.ts'
import { type Joined, startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

const paragraph = (text: string): NewComment['body'] => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})
const comment = (text: string, layer: 'host' | 'peer', threadId?: string): NewComment => ({
  anchor: { areaId: '1a', itemId: null },
  body: paragraph(text),
  text,
  mentions: [],
  layer,
  ...(threadId ? { threadId } : {}),
})
const draft = {
  youSaid: 'Meetings are always in working hours',
  raisedBy: ['lived-experience' as const],
  weDid: 'Hold every other meeting in the evening',
  owner: 'Engagement lead',
  dueDate: '2026-03-31',
  areaIds: ['1a'],
}

/** A room with a chair, two participants, a peer reviewer and an observer, and some talk already in it. */
async function room() {
  const { assessmentId, chair } = await t.createAssessment()
  const invite = (role: Joined['person']['role']) => t.invite(assessmentId, chair.token, role)
  const ics = await t.join(await invite('participant'), 'Ivy', 'ics')
  const vcse = await t.join(await invite('participant'), 'Vic', 'vcse')
  const reviewer = await t.join(await invite('peer-reviewer'), 'Pat', 'ics')
  // A second reviewer, from another organisation, to try writing over Pat's suggestion.
  const otherReviewer = await t.join(await invite('peer-reviewer'), 'Rae', 'vcse')
  const observer = await t.join(await invite('observer'), 'Olu', 'ics')
  const chairClient = await t.connect(assessmentId, chair.token)
  const vcseClient = await t.connect(assessmentId, vcse.token)
  const reviewerClient = await t.connect(assessmentId, reviewer.token)
  const vcseComment = addComment(vcseClient.doc, vcse.person.id, comment('Evenings would help', 'host'))
  const reviewerComment = addComment(reviewerClient.doc, reviewer.person.id, comment('Evidence?', 'peer'))
  suggestPeerLevel(reviewerClient.doc, reviewer.person.id, '1a', { level: 'emerging', reasoning: 'Thin' })
  const proposed = proposeAction(vcseClient.doc, vcse.person.id, { ...draft, fromCommentId: vcseComment })
  const agreed = proposeAction(chairClient.doc, chair.person.id, draft)
  agreeAction(chairClient.doc, chair.person.id, agreed, null)
  await waitFor(() => {
    for (const c of [chairClient, vcseClient, reviewerClient]) {
      expect(c.provider.unsyncedChanges).toBe(0)
      expect(readActions(c.doc)).toHaveLength(2)
      expect(commentsMap(c.doc).size).toBe(2)
    }
  })
  return {
    assessmentId,
    people: { chair, ics, vcse, reviewer, otherReviewer, observer },
    ids: { vcseComment, reviewerComment, proposed, agreed },
    clients: { chairClient, vcseClient, reviewerClient },
  }
}
type Room = Awaited<ReturnType<typeof room>>

async function hostile(assessmentId: string, token: string) {
  const raw = new RawSyncClient(t.wsUrl, assessmentId)
  await raw.authenticate(token)
  await waitFor(() => raw.isSynced)
  return raw
}

describe('comments, peer review and actions: forbidden writes from a hostile client', () => {
  const closeReview = async (r: Room) => {
    const response = await t.api(`/api/assessments/${r.assessmentId}/review/close`, {
      method: 'POST',
      token: r.people.chair.token,
    })
    expect(response.status).toBe(200)
    await waitFor(() =>
      expect(r.clients.vcseClient.doc.getMap('meta').get('reviewClosedAt')).toBeTypeOf('number'),
    )
  }

  it.each<[string, keyof Room['people'], (r: Room) => (d: Y.Doc) => void, ((r: Room) => Promise<void>)?]>([
    [
      "edits another person's comment",
      'ics',
      (r) => (d) => {
        const map = d.getMap<Record<string, unknown>>('comments')
        map.set(r.ids.vcseComment, {
          ...map.get(r.ids.vcseComment),
          text: 'rewritten',
          authorId: r.people.ics.person.id,
        })
      },
    ],
    ["deletes another person's comment", 'ics', (r) => (d) => d.getMap('comments').delete(r.ids.vcseComment)],
    [
      "edits a comment with the author's own function but not as the author",
      'chair',
      (r) => (d) => {
        // editComment refuses locally, so forge the write it would make under the author's name.
        const current = commentsMap(d).get(r.ids.vcseComment)!
        commentsMap(d).set(r.ids.vcseComment, { ...current, text: 'chair rewrote this' })
      },
    ],
    [
      'agrees an action as a participant',
      'vcse',
      (r) => (d) => updateAction(d, r.people.vcse.person.id, r.ids.proposed, { status: 'agreed' }),
    ],
    [
      'changes an agreed action as a participant',
      'vcse',
      (r) => (d) => updateAction(d, r.people.vcse.person.id, r.ids.agreed, { weDid: 'Nothing' }),
    ],
    [
      'proposes an action already agreed, as a participant',
      'ics',
      (r) => (d) => {
        const id = proposeAction(d, r.people.ics.person.id, draft)
        updateAction(d, r.people.ics.person.id, id, { status: 'agreed' })
      },
    ],
    [
      'comments in the host layer as a peer reviewer',
      'reviewer',
      (r) => (d) => void addComment(d, r.people.reviewer.person.id, comment('x', 'host')),
    ],
    [
      'ticks as a peer reviewer',
      'reviewer',
      (r) => (d) => setTick(d, r.people.reviewer.person.id, '1a.emerging.1', true),
    ],
    [
      'proposes an action as a peer reviewer',
      'reviewer',
      (r) => (d) => void proposeAction(d, r.people.reviewer.person.id, draft),
    ],
    [
      "overwrites another reviewer's suggested level as a peer reviewer",
      'otherReviewer',
      (r) => (d) =>
        // Pat's key, Rae's connection: a reviewer's layer is their own, not every reviewer's.
        suggestPeerLevel(d, r.people.reviewer.person.id, '1a', { level: 'thriving', reasoning: 'Mine now' }),
    ],
    [
      'writes evidence notes as a peer reviewer',
      'reviewer',
      () => (d) => {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText('Reviewer evidence')])
        noteFragment(d, '1a').insert(0, [paragraph])
      },
    ],
    [
      'records an agreed level as a peer reviewer',
      'reviewer',
      (r) => (d) =>
        recordAgreedLevel(d, r.people.reviewer.person.id, '1a', {
          level: 'thriving',
          rationale: 'Peer view',
          dissent: '',
          sessionId: null,
        }),
    ],
    [
      "resolves the host's thread as a peer reviewer",
      'reviewer',
      (r) => (d) => setThreadResolved(d, r.people.reviewer.person.id, r.ids.vcseComment, true),
    ],
    [
      'comments after the review is closed',
      'reviewer',
      (r) => (d) => void addComment(d, r.people.reviewer.person.id, comment('late', 'peer')),
      closeReview,
    ],
    [
      'suggests a level after the review is closed',
      'reviewer',
      (r) => (d) =>
        suggestPeerLevel(d, r.people.reviewer.person.id, '2a', { level: 'thriving', reasoning: 'x' }),
      closeReview,
    ],
    [
      'comments as an observer',
      'observer',
      (r) => (d) => void addComment(d, r.people.observer.person.id, comment('hi', 'host')),
    ],
  ])('refuses a client that %s', async (_what, who, makeEdit, before) => {
    const r = await room()
    if (before) await before(r)
    const watcher = r.clients.vcseClient
    const expected = boardJson(watcher.doc)
    const raw = await hostile(r.assessmentId, r.people[who].token)
    raw.edit(makeEdit(r))
    const closed = await raw.closed
    expect(closed.code).toBe(4403)
    expect(closed.reason).toMatch(/^Not saved:/)
    expect(boardJson(watcher.doc)).toBe(expected)
    const fresh = await t.connect(r.assessmentId, r.people.chair.token)
    expect(boardJson(fresh.doc)).toBe(expected)
  })

  it('refuses closing the review to anyone but a chair', async () => {
    const r = await room()
    for (const who of ['vcse', 'reviewer', 'observer'] as const) {
      const response = await t.api(`/api/assessments/${r.assessmentId}/review/close`, {
        method: 'POST',
        token: r.people[who].token,
      })
      expect(response.status).toBe(403)
    }
    expect(r.clients.vcseClient.doc.getMap('meta').get('reviewClosedAt')).toBeNull()
  })
})

describe('the same writes, made properly', () => {
  it('host participants reply in a peer thread live, authors edit their own, chairs agree in a session', async () => {
    const r = await room()
    const { vcseClient, chairClient, reviewerClient } = r.clients
    const reply = addComment(
      vcseClient.doc,
      r.people.vcse.person.id,
      comment('Minutes are here', 'host', r.ids.reviewerComment),
    )
    editComment(
      vcseClient.doc,
      r.people.vcse.person.id,
      reply,
      paragraph('Minutes: see page 4'),
      'Minutes: see page 4',
      [],
    )
    setThreadResolved(reviewerClient.doc, r.people.reviewer.person.id, r.ids.reviewerComment, true)
    agreeAction(chairClient.doc, r.people.chair.person.id, r.ids.proposed, 'session-01')
    await waitFor(() => {
      const thread = readThreads(reviewerClient.doc).find((th) => th.id === r.ids.reviewerComment)
      expect(thread?.comments.map((c) => c.text)).toEqual(['Evidence?', 'Minutes: see page 4'])
      expect(readThreads(vcseClient.doc).find((th) => th.id === r.ids.reviewerComment)?.resolved).toBe(true)
      expect(readActions(vcseClient.doc).find((a) => a.id === r.ids.proposed)).toMatchObject({
        status: 'agreed',
        agreedInSession: 'session-01',
      })
    })
  })

  it('keeps comments, threads, actions and peer suggestions across a clean restart', async () => {
    const r = await room()
    const { vcseClient, chairClient } = r.clients
    setThreadResolved(vcseClient.doc, r.people.vcse.person.id, r.ids.vcseComment, true)
    updateAction(chairClient.doc, r.people.chair.person.id, r.ids.agreed, {
      status: 'done',
      whatChanged: 'Evening meetings since March',
      feedback: { toldAt: '2026-04-02', how: 'Newsletter and the April meeting' },
    })
    await waitFor(() => {
      expect(vcseClient.provider.unsyncedChanges).toBe(0)
      expect(chairClient.provider.unsyncedChanges).toBe(0)
      expect(readActions(vcseClient.doc).find((a) => a.id === r.ids.agreed)?.status).toBe('done')
    })
    const expected = boardJson(vcseClient.doc)
    const dataDir = t.dataDir
    await t.stop({ keepData: true })
    t = await startTestServer({}, dataDir)
    const again = await t.connect(r.assessmentId, r.people.ics.token)
    expect(boardJson(again.doc)).toBe(expected)
    // Both threads can start in the same millisecond, so compare by thread rather than by position.
    const threadsAfter = readThreads(again.doc)
    expect(threadsAfter.find((th) => th.id === r.ids.vcseComment)).toMatchObject({
      layer: 'host',
      resolved: true,
    })
    expect(threadsAfter.find((th) => th.id === r.ids.reviewerComment)).toMatchObject({
      layer: 'peer',
      resolved: false,
    })
    expect(threadsAfter).toHaveLength(2)
    expect(readPeerSuggestions(again.doc).get('1a')?.get(r.people.reviewer.person.id)?.level).toBe('emerging')
    expect(readActions(again.doc).find((a) => a.id === r.ids.agreed)?.feedback.how).toMatch(/Newsletter/)
  })
})
