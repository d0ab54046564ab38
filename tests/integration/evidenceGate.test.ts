import {
  acceptEvidence,
  addEvidence,
  type EvidenceDraft,
  editEvidence,
  evidenceMarkKey,
  markEvidence,
  setEvidenceStatus,
  setTick,
  tickKey,
} from '@co-assess/board-model'
import { evidenceMap, evidenceMarksMap, ticksMap } from '@co-assess/board-model/roots'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RawSyncClient } from '../utils/rawSyncClient.ts'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// Evidence through the real write gate: who may add, edit, accept, retire and mark it. Honest clients
// use the stock provider; a hostile one sends raw frames with a real token, and its refused change
// reaches nobody and survives no restart.

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

const minutes: EvidenceDraft = {
  kind: 'decision',
  title: 'Partnership board minutes, March',
  link: 'https://example.org/minutes-march.pdf',
  description: 'Item 4: the board agreed to fund a community panel',
  date: '2026-03-12',
  areaId: '1a',
  itemIds: ['1a.emerging.1'],
  shareable: true,
}

async function rawClient(documentName: string, token: string): Promise<RawSyncClient> {
  const raw = new RawSyncClient(t.wsUrl, documentName)
  await raw.authenticate(token)
  await waitFor(() => raw.isSynced)
  return raw
}

/** A change made on a copy of the raw client's document, sent, and refused with a reason. */
async function expectRefused(raw: RawSyncClient, edit: (copy: Y.Doc) => void, reason: RegExp): Promise<void> {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(raw.doc))
  const before = Y.encodeStateVector(copy)
  edit(copy)
  raw.sendUpdate(Y.encodeStateAsUpdate(copy, before))
  const closed = await raw.closed
  expect(closed.reason).toMatch(/^Not saved/)
  expect(closed.reason).toMatch(reason)
  raw.close()
}

/** Updates are relayed in order: once a later marker arrives, anything refused before it would be there too. */
async function markerArrives(writer: { doc: Y.Doc }, personId: string, watcher: { doc: Y.Doc }) {
  const stamp = Date.now()
  setTick(writer.doc, personId, '7f.thriving.1', true, stamp)
  await waitFor(() => ticksMap(watcher.doc).get(tickKey(personId, '7f.thriving.1'))?.at === stamp)
}

describe('evidence through the write gate', () => {
  it('a participant adds, the chair accepts and retires, a peer reviewer marks; nobody does more', async () => {
    const { assessmentId, chair, ics, vcse } = await t.createRoom()
    const reviewer = await t.join(await t.invite(assessmentId, chair.token, 'peer-reviewer'), 'Pat', 'ics')
    const observer = await t.join(await t.invite(assessmentId, chair.token, 'observer'), 'Olu', 'ics')
    const chairSide = await t.connect(assessmentId, chair.token)
    const vcseSide = await t.connect(assessmentId, vcse.token)

    const id = addEvidence(vcseSide.doc, vcse.person.id, minutes)
    await waitFor(() => evidenceMap(chairSide.doc).get(id)?.title === minutes.title)
    acceptEvidence(chairSide.doc, chair.person.id, id, 'developing')
    await waitFor(() => evidenceMap(vcseSide.doc).get(id)?.acceptedFor?.level === 'developing')

    const reviewerSide = await t.connect(assessmentId, reviewer.token)
    markEvidence(reviewerSide.doc, reviewer.person.id, id, {
      wantToSee: true,
      comment: 'Could we see item 4?',
    })
    await waitFor(
      () => evidenceMarksMap(chairSide.doc).get(evidenceMarkKey(reviewer.person.id, id))?.wantToSee,
    )

    // Another participant may not accept it, rewrite it or retire it; the author may not accept it.
    await expectRefused(
      await rawClient(assessmentId, ics.token),
      (c) => acceptEvidence(c, ics.person.id, id, 'thriving'),
      /evidence you added/,
    )
    await expectRefused(
      await rawClient(assessmentId, ics.token),
      (c) => editEvidence(c, ics.person.id, id, { title: 'Nothing happened' }),
      /evidence you added/,
    )
    await expectRefused(
      await rawClient(assessmentId, vcse.token),
      (c) => acceptEvidence(c, vcse.person.id, id, 'thriving'),
      /only a chair marks/,
    )
    await expectRefused(
      await rawClient(assessmentId, vcse.token),
      (c) => setEvidenceStatus(c, vcse.person.id, id, 'retired'),
      /only a chair (marks|confirms)/,
    )
    // A peer reviewer marks only in their own name and never changes the record; an observer writes nothing.
    await expectRefused(
      await rawClient(assessmentId, reviewer.token),
      (c) => editEvidence(c, reviewer.person.id, id, { title: 'Reviewed' }),
      /peer-reviewer cannot add or change evidence/,
    )
    await expectRefused(
      await rawClient(assessmentId, reviewer.token),
      (c) => markEvidence(c, vcse.person.id, id, { wantToSee: false, comment: '' }),
      /your own marks/,
    )
    await expectRefused(
      await rawClient(assessmentId, observer.token),
      (c) => markEvidence(c, observer.person.id, id, { wantToSee: true, comment: '' }),
      /observer can read but not change/,
    )
    // A hand-built record that claims a past in an earlier assessment.
    await expectRefused(
      await rawClient(assessmentId, vcse.token),
      (c) => {
        const e = evidenceMap(c).get(id)!
        evidenceMap(c).set(id, {
          ...e,
          carriedFrom: {
            assessmentId: 'old-assessment',
            title: 'Earlier',
            startedAt: '2025-01-01',
            evidenceId: 'earlier-evidence',
            acceptedLevel: 'thriving',
          },
        })
      },
      /only the server records where evidence came from/,
    )

    await markerArrives(vcseSide, vcse.person.id, chairSide)
    expect(evidenceMap(chairSide.doc).get(id)).toMatchObject({
      title: minutes.title,
      status: 'current',
      acceptedFor: { level: 'developing', by: chair.person.id },
      carriedFrom: null,
    })

    // The chair closes the review: the reviewer's mark can no longer change.
    const closed = await t.api(`/api/assessments/${assessmentId}/review/close`, {
      token: chair.token,
      body: {},
    })
    expect(closed.status).toBe(200)
    await expectRefused(
      await rawClient(assessmentId, reviewer.token),
      (c) => markEvidence(c, reviewer.person.id, id, { wantToSee: false, comment: '' }),
      /closed this peer review/,
    )

    setEvidenceStatus(chairSide.doc, chair.person.id, id, 'retired')
    await waitFor(() => evidenceMap(vcseSide.doc).get(id)?.status === 'retired')

    const dataDir = t.dataDir
    await t.stop({ keepData: true })
    t = await startTestServer({}, dataDir)
    const reader = await t.connect(assessmentId, chair.token)
    expect(evidenceMap(reader.doc).get(id)).toMatchObject({ status: 'retired', acceptedFor: null })
    expect(evidenceMarksMap(reader.doc).get(evidenceMarkKey(reviewer.person.id, id))).toMatchObject({
      wantToSee: true,
      comment: 'Could we see item 4?',
    })
  })
})
