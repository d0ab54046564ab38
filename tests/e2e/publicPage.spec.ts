import { addComment, agreeAction, proposeAction, recordAgreedLevel } from '@co-assess/board-model'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { type APIRequestContext, expect, test } from '@playwright/test'
import * as Y from 'yjs'
import { createAssessment, firstFramework } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { E2E_PORT } from './support/env.ts'
import { newPerson } from './support/people.ts'

const CHAIR = 'Ama Chairperson'
const PARTICIPANT = 'Zoë Ñúñez'
const COMMENT = 'Off the record: the GP federation dragged its feet'

interface Joined {
  token: string
  person: { id: string }
}

async function join(request: APIRequestContext, inviteToken: string, name: string, organisation: string) {
  const response = await request.post(`/api/invites/${inviteToken}/join`, {
    data: { displayName: name, organisation, group: 'lived-experience' },
  })
  expect(response.status()).toBe(201)
  return (await response.json()) as Joined
}

async function onBoard(assessmentId: string, who: Joined, change: (doc: Y.Doc) => void) {
  const doc = new Y.Doc()
  const provider = new HocuspocusProvider({
    url: `ws://127.0.0.1:${E2E_PORT}/sync`,
    name: assessmentId,
    token: who.token,
    document: doc,
  })
  await expect.poll(() => provider.isSynced).toBe(true)
  change(doc)
  return provider
}

async function reportLinks(request: APIRequestContext, assessmentId: string, token: string) {
  const response = await request.post(`/api/assessments/${assessmentId}/report-links`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(response.status()).toBe(201)
  return (await response.json()).links as Record<string, string>
}

test('a chair publishes "you said, we did"; the public page shows no names or comments, passes axe, and withdraws cleanly', async ({
  browser,
  request,
}) => {
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const { assessmentId, chairInvite } = await createAssessment(request, 'Public page check', framework.id)
  const chair = await join(request, chairInvite.token, CHAIR, 'Bradford ICB')
  const auth = { Authorization: `Bearer ${chair.token}` }
  const participantInvite = await request.post(`/api/assessments/${assessmentId}/invites`, {
    headers: auth,
    data: { role: 'participant', expiresInDays: 7 },
  })
  const participant = await join(
    request,
    (await participantInvite.json()).token,
    PARTICIPANT,
    'Café Ça Va, CIC',
  )

  const ids: string[] = []
  const providers = [
    await onBoard(assessmentId, chair, (doc) => {
      const id = proposeAction(doc, chair.person.id, {
        youSaid: 'Hold sessions in the evening, near the bus routes',
        raisedBy: ['lived-experience'],
        weDid: 'Moved sessions to 6:30pm at the library',
        owner: CHAIR,
        dueDate: null,
        areaIds: [area.id],
      })
      agreeAction(doc, chair.person.id, id, null)
      ids.push(id)
      recordAgreedLevel(doc, chair.person.id, area.id, {
        level: framework.levels[0]!.id,
        rationale: 'Agreed after the workshop',
        dissent: '',
        sessionId: null,
      })
    }),
    await onBoard(assessmentId, participant, (doc) => {
      addComment(doc, participant.person.id, {
        anchor: { areaId: area.id, itemId: null },
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: COMMENT }] }] },
        text: COMMENT,
        mentions: [],
        layer: 'host',
      })
    }),
  ]
  const links = await reportLinks(request, assessmentId, chair.token)
  await expect
    .poll(async () => (await request.get(links.report!)).text())
    .toContain('Moved sessions to 6:30pm at the library')

  const published = await request.post(`/api/assessments/${assessmentId}/publication`, {
    headers: auth,
    data: { actionIds: ids },
  })
  expect(published.status()).toBe(201)
  const { path } = (await published.json()) as { path: string }

  // A member of the public: a fresh browser with no token.
  const visitor = await newPerson(browser, { width: 390, height: 844 })
  const response = await visitor.page.goto(path)
  expect(response?.status()).toBe(200)
  await expect(visitor.page.getByRole('heading', { level: 1 })).toContainText('You said, we did')
  await expect(visitor.page.getByText('Moved sessions to 6:30pm at the library')).toBeVisible()
  const text = (await visitor.page.locator('body').textContent()) ?? ''
  for (const secret of [CHAIR, PARTICIPANT, 'Bradford ICB', 'Café Ça Va', COMMENT])
    expect(text).not.toContain(secret)
  await expectNoViolations(visitor.page, 'the public page')

  // The report and the comparison, opened as plain links the way a browser would.
  const reader = await newPerson(browser)
  await reader.page.goto(links.report!)
  await expect(reader.page.getByRole('heading', { level: 1 })).toHaveText('Public page check')
  await expectNoViolations(reader.page, 'the report')
  await reader.page.goto(links.reportWithNames!)
  await expect(reader.page.getByRole('cell', { name: PARTICIPANT, exact: true })).toBeVisible()

  const reassessed = await request.post(`/api/assessments/${assessmentId}/reassess`, {
    headers: auth,
    data: {},
  })
  expect(reassessed.status()).toBe(201)
  const next = (await reassessed.json()) as { assessment: { id: string }; chairInvite: { token: string } }
  const nextChair = await join(request, next.chairInvite.token, CHAIR, 'Bradford ICB')
  const nextLinks = await reportLinks(request, next.assessment.id, nextChair.token)
  await reader.page.goto(nextLinks.comparison!)
  await expect(reader.page.getByRole('heading', { level: 1 })).toContainText('Progress over time')
  await expectNoViolations(reader.page, 'the comparison view')

  const withdrawn = await request.delete(`/api/assessments/${assessmentId}/publication`, { headers: auth })
  expect(withdrawn.status()).toBe(200)
  const after = await visitor.page.goto(path)
  expect(after?.status()).toBe(410)
  await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('This page is no longer published')
  await expect(visitor.page.getByText('Moved sessions')).toHaveCount(0)
  await expectNoViolations(visitor.page, 'the withdrawn page')

  for (const provider of providers) provider.destroy()
  await visitor.context.close()
  await reader.context.close()
})
