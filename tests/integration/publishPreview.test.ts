import { agreeAction, proposeAction, updateAction } from '@co-assess/board-model'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { startTestServer, type TestServer } from '../utils/testServer.ts'

// Before anything goes on the public page the chair sees it as the public will, with every word
// that may still name someone on the board flagged, and must edit or confirm each.

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

async function write(name: string, change: (doc: Y.Doc) => void) {
  const connection = await t.server.hocuspocus.openDirectConnection(name)
  await connection.transact(change)
  await connection.disconnect()
}

describe('the publish preview', () => {
  it('flags a first name the redaction leaves, refuses to publish until it is confirmed or edited out', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const invite = await t.invite(assessmentId, chair.token, 'participant')
    const maria = await t.join(invite, 'Maria Lopez', 'vcse')
    let actionId = ''
    await write(assessmentId, (doc) => {
      actionId = proposeAction(doc, maria.person.id, {
        youSaid: 'Maria said a paper claim form would help',
        raisedBy: ['vcse'],
        weDid: 'We printed paper forms',
        owner: '',
        dueDate: null,
        areaIds: ['1a'],
      })
      agreeAction(doc, chair.person.id, actionId, null)
    })
    const body = { actionIds: [actionId] }

    const preview = await t.api(`/api/assessments/${assessmentId}/publication/preview`, {
      token: chair.token,
      body,
    })
    expect(preview.status).toBe(200)
    expect(preview.body.items[0]).toMatchObject({
      actionId,
      youSaid: 'Maria said a paper claim form would help',
    })
    expect(preview.body.possibleNames).toEqual([
      { id: `${actionId}.youSaid.maria`, actionId, field: 'youSaid', word: 'Maria' },
    ])

    const refused = await t.api(`/api/assessments/${assessmentId}/publication`, { token: chair.token, body })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(/"Maria"/)
    expect(
      (await t.api(`/api/assessments/${assessmentId}/publication`, { token: chair.token })).body.published,
    ).toBe(false)

    // Only the chair previews.
    const asMaria = await t.api(`/api/assessments/${assessmentId}/publication/preview`, {
      token: maria.token,
      body,
    })
    expect(asMaria.status).toBe(403)

    // Edited out, the preview has nothing to check and the page publishes.
    await write(assessmentId, (doc) =>
      updateAction(doc, chair.person.id, actionId, { youSaid: 'A paper claim form would help' }),
    )
    const clean = await t.api(`/api/assessments/${assessmentId}/publication/preview`, {
      token: chair.token,
      body,
    })
    expect(clean.body.possibleNames).toEqual([])
    const published = await t.api(`/api/assessments/${assessmentId}/publication`, {
      token: chair.token,
      body,
    })
    expect(published.status).toBe(201)
    const page = await (await fetch(`${t.baseUrl}${published.body.path}`)).text()
    expect(page).toContain('A paper claim form would help')
    expect(page).not.toMatch(/Maria|Lopez/)
  })

  it('publishes a flagged word the chair confirmed may stand', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const invite = await t.invite(assessmentId, chair.token, 'participant')
    await t.join(invite, 'Will Rivers', 'lived-experience')
    let actionId = ''
    await write(assessmentId, (doc) => {
      actionId = proposeAction(doc, chair.person.id, {
        youSaid: 'We will look at bus routes',
        raisedBy: ['lived-experience'],
        weDid: '',
        owner: '',
        dueDate: null,
        areaIds: ['1a'],
      })
      agreeAction(doc, chair.person.id, actionId, null)
    })
    const preview = await t.api(`/api/assessments/${assessmentId}/publication/preview`, {
      token: chair.token,
      body: { actionIds: [actionId] },
    })
    const ids = (preview.body.possibleNames as Array<{ id: string }>).map((flag) => flag.id)
    expect(ids).toEqual([`${actionId}.youSaid.will`])
    const published = await t.api(`/api/assessments/${assessmentId}/publication`, {
      token: chair.token,
      body: { actionIds: [actionId], confirmedNames: ids },
    })
    expect(published.status).toBe(201)
    expect(await (await fetch(`${t.baseUrl}${published.body.path}`)).text()).toContain(
      'We will look at bus routes',
    )
  })
})
