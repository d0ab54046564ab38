import { addComment } from '@co-assess/board-model'
import { commentsMap, peopleMap } from '@co-assess/board-model/roots'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { RawSyncClient } from '../utils/rawSyncClient.ts'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// A participant can post without their name: the board holds the comment under an anonymous name
// that only its author is told, with their group, so nobody else (the chair included) can tell who
// wrote it, and the author can still edit it.

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

const comment = (text: string) => ({
  anchor: { areaId: '1a', itemId: null },
  body: { type: 'doc' as const, content: [] },
  text,
  mentions: [],
  layer: 'host' as const,
})

async function aliasOf(assessmentId: string, token: string): Promise<string> {
  const answer = await t.api(`/api/assessments/${assessmentId}/me/anonymous-name`, { token })
  expect(answer.status).toBe(200)
  return answer.body.alias as string
}

describe('anonymous comments', () => {
  it('reach everyone under a name nobody can link to the author, who can still edit them', async () => {
    const { assessmentId, chair, ics, vcse } = await t.createRoom()
    const alias = await aliasOf(assessmentId, vcse.token)
    expect(alias).not.toContain(vcse.person.id)
    expect(await aliasOf(assessmentId, vcse.token)).toBe(alias)
    expect(await aliasOf(assessmentId, ics.token)).not.toBe(alias)
    const other = await t.createAssessment()
    const elsewhere = await t.join(
      await t.invite(other.assessmentId, other.chair.token, 'participant'),
      'Vic',
      'vcse',
    )
    expect(await aliasOf(other.assessmentId, elsewhere.token)).not.toBe(alias)

    const author = await t.connect(assessmentId, vcse.token)
    const id = addComment(author.doc, vcse.person.id, {
      ...comment('The drop-in times do not work for carers'),
      anonymous: { alias, group: 'vcse' },
    })
    const chairSide = await t.connect(assessmentId, chair.token)
    await waitFor(() => commentsMap(chairSide.doc).has(id))
    const seen = commentsMap(chairSide.doc).get(id)!
    expect(seen).toMatchObject({ authorId: alias, anonymous: true, group: 'vcse' })
    expect(JSON.stringify(seen)).not.toContain(vcse.person.id)
    expect(peopleMap(chairSide.doc).has(alias)).toBe(false)
    expect(author.provider.unsyncedChanges).toBe(0)

    // Editing it under the same anonymous name works for its author.
    commentsMap(author.doc).set(id, { ...commentsMap(author.doc).get(id)!, text: 'Edited by its author' })
    await waitFor(() => commentsMap(chairSide.doc).get(id)?.text === 'Edited by its author')
  })

  it("refuses posting under another person's anonymous name, or as a chair", async () => {
    const { assessmentId, chair, ics, vcse } = await t.createRoom()
    const vcseAlias = await aliasOf(assessmentId, vcse.token)
    const raw = new RawSyncClient(t.wsUrl, assessmentId)
    await raw.authenticate(ics.token)
    await waitFor(() => raw.isSynced)
    raw.edit((doc: Y.Doc) =>
      addComment(doc, ics.person.id, {
        ...comment('Pretending'),
        anonymous: { alias: vcseAlias, group: 'vcse' },
      }),
    )
    expect((await raw.closed).reason).toMatch(/your own anonymous name/)
    raw.close()

    const chairAlias = await aliasOf(assessmentId, chair.token)
    const asChair = new RawSyncClient(t.wsUrl, assessmentId)
    await asChair.authenticate(chair.token)
    await waitFor(() => asChair.isSynced)
    asChair.edit((doc: Y.Doc) =>
      addComment(doc, chair.person.id, {
        ...comment('From the chair'),
        anonymous: { alias: chairAlias, group: 'ics' },
      }),
    )
    expect((await asChair.closed).reason).toMatch(/own name/)
    asChair.close()
  })
})
