import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { type ChildServer, freePort, startChildServer, stopAllChildServers } from '../utils/childServer.ts'
import { type OidcTestProvider, startOidcTestProvider } from '../utils/oidcTestProvider.ts'
import { expectNoViolations } from './support/axe.ts'
import { newPerson } from './support/people.ts'

// A lead signs in through a real OpenID Connect provider (oidc-provider, started here), sets up a
// scoped assessment, invites someone, assesses again and reads the workstream's history. The board
// runs as its own process configured with that provider, so the other specs' server is untouched.

const ADMIN_KEY = 'staff-spec-admin-key-0123456789'

async function admin<T>(base: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

let server: ChildServer | undefined
let provider: OidcTestProvider | undefined
const dataDir = mkdtempSync(join(tmpdir(), 'co-assess-e2e-staff-'))

test.afterAll(async () => {
  await server?.kill('SIGTERM')
  await stopAllChildServers()
  await provider?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

test('a lead signs in, sets up a scoped assessment, invites someone, assesses again and reads the history', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  provider = await startOidcTestProvider({
    redirectUri: `${base}/api/staff/callback`,
    names: { aisha: 'Aisha Khan' },
  })
  server = await startChildServer(
    {
      CO_ASSESS_DATA_DIR: dataDir,
      CO_ASSESS_ADMIN_KEY: ADMIN_KEY,
      CO_ASSESS_OIDC_ISSUER: provider.issuer,
      CO_ASSESS_OIDC_CLIENT_ID: provider.clientId,
      CO_ASSESS_OIDC_CLIENT_SECRET: provider.clientSecret,
      CO_ASSESS_OIDC_REDIRECT_URL: `${base}/api/staff/callback`,
    },
    port,
  )
  const organisation = await admin<{ id: string }>(base, '/api/organisations', {
    name: 'North Loamshire ICS',
    places: ['Eastbridge', 'Westholm'],
  })
  const link = await admin<{ path: string }>(base, `/api/organisations/${organisation.id}/staff-invites`, {
    role: 'lead',
  })

  const { page } = await newPerson(browser)

  await test.step('the lead opens the staff link and signs in through the provider', async () => {
    await page.goto(`${base}${link.path}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Join North Loamshire ICS as an engagement lead',
    )
    await expectNoViolations(page, 'the staff link page')
    await page.getByRole('link', { name: 'Sign in with your organisation account' }).click()
    // The provider's own pages: its login form, then its consent.
    await page.locator('input[name="login"]').fill('aisha')
    await page.locator('input[name="password"]').fill('any-password')
    await page.getByRole('button', { name: 'Sign-in' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page).toHaveURL(`${base}/staff`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('North Loamshire ICS')
    await expect(page.getByText('Signed in as Aisha Khan, engagement lead')).toBeVisible()
    await expectNoViolations(page, "the organisation's home")
  })

  let firstBoard = ''
  await test.step('she sets up an assessment of two areas, and chairs it without joining again', async () => {
    await page.getByRole('link', { name: 'Set up a new assessment' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up an assessment')
    await expect(page.locator('#areas input[type="checkbox"]').first()).toBeVisible()
    // Sent empty, the form names every problem at once.
    await page.getByRole('button', { name: 'Set up and open the board' }).click()
    const summary = page.locator('.nhsuk-error-summary')
    await expect(summary).toContainText('Enter a title')
    await expect(summary).toContainText('Choose at least one area to assess')
    await expectNoViolations(page, 'the set-up form with its errors')

    await page.getByLabel('Title').fill('Mental health engagement, spring')
    await page.getByLabel('Workstream').fill('Mental health')
    await page.getByLabel('Place').selectOption('Eastbridge')
    await page.getByRole('radio', { name: 'Operational' }).check()
    await page.getByRole('radio', { name: 'Looking back' }).check()
    const areas = page.locator('#areas input[type="checkbox"]')
    await areas.nth(0).check()
    await areas.nth(1).check()
    await page.getByLabel('First session').fill('2099-04-01')
    await page.getByRole('button', { name: 'Set up and open the board' }).click()
    await expect(page).toHaveURL(new RegExp(`^${base}/a/[A-Za-z0-9_-]+$`))
    firstBoard = new URL(page.url()).pathname.split('/')[2]!
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
    // Only the two areas in scope are offered.
    await expect(page.locator('.co-area-row__link')).toHaveCount(2)
  })

  await test.step('as chair she invites someone, who joins with no account', async () => {
    await page.getByRole('radio', { name: 'Participants' }).check()
    await page.getByRole('button', { name: 'Make invite link' }).click()
    const invite = await page.getByLabel(/Invite link for participants/).inputValue()
    const participant = await newPerson(browser)
    await participant.page.goto(invite)
    await participant.page.getByLabel('Your name').fill('Priya')
    await participant.page.getByLabel('Your organisation').fill('Loamshire Carers Network')
    await participant.page.getByRole('radio', { name: /Voluntary, community or social enterprise/ }).check()
    await participant.page.getByRole('button', { name: 'Join the board' }).click()
    // Joining may offer optional equality questions first; she skips them.
    const skip = participant.page.getByRole('button', { name: 'Skip these questions' })
    await expect(skip.or(participant.page.getByTestId('sync-state'))).toBeVisible()
    if (await skip.isVisible()) await skip.click()
    await expect(participant.page).toHaveURL(/\/a\/[A-Za-z0-9_-]+$/)
    await expect(participant.page.locator('.co-area-row__link')).toHaveCount(2)
    await participant.context.close()
  })

  await test.step('she records an agreed level on one area', async () => {
    await page.locator('.co-area-row__link').first().click()
    const form = page.getByTestId('record-level')
    await form.getByRole('radio', { name: 'Emerging', exact: true }).check()
    await form.getByLabel('Rationale').fill('Panels exist, but partners are not yet involved in design.')
    await form.getByRole('button', { name: 'Record agreed level' }).click()
    await expect(page.getByTestId('agreed-level')).toHaveText('Emerging')
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  })

  await test.step('she assesses again from the home, and reads the workstream’s history', async () => {
    await page.goto(`${base}/staff`)
    const card = page.locator('.nhsuk-card', { hasText: 'Mental health engagement, spring' })
    await expect(card).toContainText('1 of 2 in scope')
    await expect(card).toContainText('1 April 2099')
    await card.getByRole('button', { name: /Assess again/ }).click()
    await expect(page).toHaveURL(new RegExp(`^${base}/a/[A-Za-z0-9_-]+$`))
    expect(new URL(page.url()).pathname).not.toContain(firstBoard)
    await expect(page.locator('.co-area-row__link')).toHaveCount(2)

    await page.goto(`${base}/staff`)
    await expect(page.locator('.nhsuk-card')).toHaveCount(2)
    const history = page.getByRole('region', { name: 'Mental health' })
    await expect(history).toContainText('2 assessments')
    await expect(
      history.getByRole('img', { name: /Mental health, areas agreed at each level/ }),
    ).toBeVisible()
    // The table the chart is drawn from: the area's level then, and none yet on the new board.
    const row = history.getByRole('row', { name: /^1a / })
    await expect(row.getByRole('cell')).toHaveText(['Emerging', 'No level agreed'])
    // Each assessment is dated for people ("3 December 2026"), with the machine time kept in <time>.
    const inWords =
      /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/
    const iso = /\d{4}-\d{2}-\d{2}/
    const dated = history.locator('thead time')
    await expect(dated).toHaveCount(2)
    for (const time of await dated.all()) {
      await expect(time).toHaveText(inWords)
      await expect(time).toHaveAttribute('datetime', iso)
    }
    const chart = history.getByRole('img', { name: /Mental health, areas agreed at each level/ })
    await expect(chart).toHaveAccessibleName(inWords)
    await expect(chart).not.toHaveAccessibleName(iso)
    // The dates drawn under the bars too.
    await expect(chart).not.toContainText(iso)
    await expect(history.locator('thead')).not.toContainText(iso)
    // The system roll-up: each Place's latest assessment, and the spread across Places.
    const rollup = page.getByRole('region', { name: 'Across Places' })
    await expect(rollup.getByRole('columnheader', { name: /Eastbridge/ })).toBeVisible()
    await expect(rollup.getByRole('columnheader', { name: 'Spread across Places' })).toBeVisible()
    await expectNoViolations(page, 'the home with two assessments, their history and the roll-up')
  })
})
