import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { type ChildServer, startChildServer, stopAllChildServers } from '../utils/childServer.ts'
import { joinAs, newPerson, storedToken } from './support/people.ts'

// Everything the conversation adds (a peer suggestion, a thread with a mention, an action agreed in a
// session) must survive the server restarting. This spec runs a server of its own, so it can restart
// it without disturbing the other specs, and reads the result in browsers that keep the people's
// sign-in but not their local copy of the board: what they see after the restart came from the server.

const ADMIN_KEY = 'restart-spec-admin-key-0123456789'

async function api<T>(base: string, path: string, body: unknown, token: string): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

let server: ChildServer | undefined
const dataDir = mkdtempSync(join(tmpdir(), 'co-assess-e2e-restart-'))
const env = { CO_ASSESS_DATA_DIR: dataDir, CO_ASSESS_ADMIN_KEY: ADMIN_KEY }

// Whether the test passed, failed or timed out: every server it started (the restarted one included)
// is stopped, by SIGTERM with a SIGKILL after a grace period, before the data goes.
test.afterAll(async () => {
  await server?.kill('SIGTERM')
  await stopAllChildServers()
  rmSync(dataDir, { recursive: true, force: true })
})

test('comments, a mention, a peer suggestion and an agreed action survive a server restart', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  server = await startChildServer(env)
  const base = server.baseUrl
  const created = await api<{ assessment: { id: string }; chairInvite: { path: string } }>(
    base,
    '/api/assessments',
    { title: 'Restart check', frameworkId: 'cqc-hi-2025', scope: 'strategic', workstream: 'Engagement' },
    ADMIN_KEY,
  )
  const assessmentId = created.assessment.id
  const areaPath = `${base}/a/${assessmentId}/areas/1a`
  const chair = await joinAs(browser, `${base}${created.chairInvite.path}`, {
    name: 'Pam Chair',
    organisation: 'Leeds ICB',
    group: 'ics',
  })
  const chairToken = await storedToken(chair.page, assessmentId)
  const invite = (role: string) =>
    api<{ path: string }>(
      base,
      `/api/assessments/${assessmentId}/invites`,
      { role, expiresInDays: 7 },
      chairToken,
    )
  const vic = await joinAs(browser, `${base}${(await invite('participant')).path}`, {
    name: 'Vic Vcse',
    organisation: 'Leeds Community Voices',
    group: 'vcse',
  })
  const reviewer = await newPerson(browser)
  await reviewer.page.goto(`${base}${(await invite('peer-reviewer')).path}`)
  await reviewer.page.getByLabel('Your name').fill('Rey Reviewer')
  await reviewer.page.getByLabel('Your organisation').fill('Humber ICB')
  await reviewer.page.getByRole('button', { name: 'Join the board' }).click()
  await expect(reviewer.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')

  // The reviewer suggests a level; Vic comments, mentioning the chair, and proposes an action from it.
  await reviewer.page.goto(areaPath)
  await reviewer.page.getByLabel('The level you suggest for 1a').selectOption({ index: 3 })
  await reviewer.page.getByLabel('Your reasoning').fill('Little sign of co-design yet')
  await reviewer.page.getByRole('button', { name: 'Suggest this level' }).click()
  await vic.page.goto(areaPath)
  await vic.page.getByRole('textbox', { name: 'Your comment' }).click()
  await vic.page.keyboard.type('Evening meetings would help. Over to ')
  await vic.page.keyboard.type('@Pam')
  await expect(vic.page.getByTestId('mention-list')).toContainText('Pam Chair')
  await vic.page.keyboard.press('Enter')
  await vic.page.getByRole('button', { name: 'Add comment' }).click()
  const vicComment = vic.page.getByTestId('comment').filter({ hasText: 'Evening meetings would help' })
  await vicComment.getByRole('button', { name: 'Make this a proposed action' }).click()
  await vicComment.getByRole('button', { name: 'Yes, propose it as an action' }).click()
  await chair.page.goto(`${base}/a/${assessmentId}`)
  await chair.page.getByRole('button', { name: 'Start session' }).click()
  const action = chair.page.getByTestId('action').filter({ hasText: 'Evening meetings would help' })
  await action.getByRole('button', { name: 'Agree this action' }).click()
  await expect(action).toContainText('In session 1')
  for (const p of [chair.page, vic.page, reviewer.page])
    await expect(p.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')

  // The sign-ins are kept; the boards in the browsers are not.
  const signIns = await Promise.all([chair, vic].map((p) => p.context.storageState()))
  for (const p of [chair, vic, reviewer]) await p.context.close()
  expect(await server.kill('SIGTERM')).toBe(0)
  server = await startChildServer(env, server.port)

  const [chairAgain, vicAgain] = await Promise.all(
    signIns.map(async (state) => {
      const context = await browser.newContext({ storageState: state })
      await context.route('https://assets.nhs.uk/**', (route) => route.abort())
      return { context, page: await context.newPage() }
    }),
  )
  await chairAgain!.page.goto(`${base}/a/${assessmentId}`)
  await expect(chairAgain!.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  await expect(chairAgain!.page.getByTestId('mentions')).toContainText('Vic Vcse mentioned you')
  const actionAgain = chairAgain!.page
    .getByTestId('action')
    .filter({ hasText: 'Evening meetings would help' })
  await expect(actionAgain.getByTestId('action-status')).toHaveText('Agreed')
  await expect(actionAgain).toContainText('In session 1')
  await vicAgain!.page.goto(areaPath)
  await expect(vicAgain!.page.getByTestId('thread').first()).toContainText('Evening meetings would help')
  await expect(vicAgain!.page.getByTestId('peer-review')).toContainText('Little sign of co-design yet')
  for (const p of [chairAgain!, vicAgain!]) await p.context.close()
})
