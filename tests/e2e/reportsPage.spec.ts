import { expect, type Page, test } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { joinAs, newPerson, storedToken } from './support/people.ts'

const SHARED = 'Hold the sessions in the evening, near the bus routes'
const KEPT_BACK = 'Pay people for their time in cash, not vouchers'

async function proposeAction(page: Page, youSaid: string) {
  await page.getByLabel('You said: what people raised').fill(youSaid)
  await page.getByRole('button', { name: 'Propose action' }).click()
  await expect(page.getByTestId('action-list').getByText(youSaid)).toBeVisible()
}

test('the chair publishes one action from the reports page, the public reads it with no sign-in, and the chair withdraws it', async ({
  browser,
  request,
}) => {
  const framework = await firstFramework(request)
  const { chairInvite } = await createAssessment(request, 'Reports page check', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Ama Chairperson',
    organisation: 'Bradford ICB',
    group: 'ics',
  })
  const { page } = chair
  await proposeAction(page, SHARED)
  await proposeAction(page, KEPT_BACK)
  // Only an agreed action can go on the public page: the chair agrees the one they will publish.
  const shared = page.getByTestId('action').filter({ hasText: SHARED })
  await shared.getByRole('button', { name: 'Agree this action' }).click()
  await expect(shared.getByTestId('action-status')).toHaveText('Agreed')

  await page.getByTestId('reports-link').click()
  await expect(page).toHaveURL(/\/a\/[A-Za-z0-9_-]+\/reports$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reports and sharing')
  await expect(page).toHaveTitle(/^Reports and sharing – Reports page check/)

  // Plain links with a short-lived access token; no comparison, since nothing came before.
  const reports = page.getByTestId('report-list')
  await expect(reports.getByRole('link', { name: 'Report (web page)' })).toHaveAttribute('href', /\?access=/)
  await expect(reports.getByRole('link', { name: 'Report as a Word document' })).toHaveAccessibleDescription(
    /board papers/,
  )
  await expect(reports.getByRole('link', { name: 'Report with names (web page)' })).toBeVisible()
  await expect(reports.getByRole('link', { name: /Comparison/ })).toHaveCount(0)
  await expect(page.getByTestId('publication-state')).toContainText('Not published')

  // Nothing ticked: the error summary takes focus and points at the checkboxes.
  await page.getByRole('button', { name: 'Preview the public page' }).click()
  const summary = page.getByTestId('error-summary')
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveText('Tick at least one action to put on the public page')

  const choices = page.getByRole('group', { name: 'Which actions should the public page show?' })
  // The proposed one cannot be chosen: it is listed apart, saying why.
  await expect(choices.getByLabel(KEPT_BACK)).toHaveCount(0)
  await expect(page.getByTestId('publish-not-ready')).toContainText(
    `You said: ${KEPT_BACK}. This action is proposed, not agreed`,
  )
  await choices.getByLabel(SHARED).check()
  await expectNoViolations(page, 'the reports page')
  await page.getByRole('button', { name: 'Preview the public page' }).click()
  const preview = page.getByTestId('publish-preview')
  await expect(
    preview.getByRole('heading', { name: 'Check the public page before it is published' }),
  ).toBeFocused()
  await expect(preview).toContainText(SHARED)
  await expect(preview.getByTestId('no-possible-names')).toBeVisible()
  await page.getByRole('button', { name: 'Publish this page' }).click()
  await expect(page.getByTestId('publication-state')).toContainText('Published')
  await expect(page.getByTestId('publication-state')).toContainText('1 action')
  await expect(page.getByTestId('error-summary')).toHaveCount(0)
  await expect(page.getByTestId('reports-status')).toHaveText('The public page is published with 1 action.')
  const publicLink = await page.getByLabel('Link to the public page').inputValue()
  expect(publicLink).toMatch(/\/p\/[A-Za-z0-9_-]+$/)

  // A member of the public: a fresh browser with no sign-in.
  const visitor = await newPerson(browser, { width: 390, height: 844 })
  const opened = await visitor.page.goto(publicLink)
  expect(opened?.status()).toBe(200)
  await expect(visitor.page.getByText(SHARED)).toBeVisible()
  await expect(visitor.page.getByText(KEPT_BACK)).toHaveCount(0)

  // Withdrawing asks first, on the page.
  await page.getByRole('button', { name: 'Withdraw the public page' }).click()
  const confirm = page.getByTestId('withdraw-confirm')
  await expect(confirm.getByRole('heading', { name: 'Withdraw the public page?' })).toBeFocused()
  await expectNoViolations(page, 'the reports page asking to withdraw')
  await confirm.getByRole('button', { name: 'Yes, withdraw the public page' }).click()
  await expect(page.getByTestId('publication-state')).toContainText('Withdrawn')
  await expect(page.getByTestId('reports-status')).toContainText('The public page is withdrawn.')
  await expect(page.getByRole('heading', { name: 'Public "you said, we did" page' })).toBeFocused()

  const after = await visitor.page.goto(publicLink)
  expect(after?.status()).toBe(410)
  await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('This page is no longer published')
  await expect(visitor.page.getByText(SHARED)).toHaveCount(0)

  await visitor.context.close()
  await chair.context.close()
})

test('an observer reads the status and saves reports; the chair assesses again and the new board offers the comparison', async ({
  browser,
  request,
}) => {
  const framework = await firstFramework(request)
  const { assessmentId, chairInvite } = await createAssessment(request, 'Assess again check', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Ama Chairperson',
    organisation: 'Bradford ICB',
    group: 'ics',
  })
  await proposeAction(chair.page, SHARED)
  const observerInvite = await createInvite(
    request,
    assessmentId,
    await storedToken(chair.page, assessmentId),
    'observer',
  )
  // An observer speaks for no stakeholder group, so the form asks for none.
  const observer = await joinAs(browser, observerInvite.path, {
    name: 'Obi Server',
    organisation: 'Healthwatch',
  })

  // An observer may read the report but gets no plain links: each report is saved through their sign-in.
  await observer.page.getByTestId('reports-link').click()
  await expect(observer.page.getByTestId('publication-state')).toContainText('The chair has not published')
  await expect(observer.page.getByRole('main').getByRole('checkbox')).toHaveCount(0)
  await expect(observer.page.getByRole('button', { name: 'Create a re-assessment' })).toHaveCount(0)
  await expect(observer.page.getByRole('button', { name: /names|Backup/ })).toHaveCount(0)
  const download = observer.page.waitForEvent('download')
  await observer.page.getByRole('button', { name: 'Save report as a Word document' }).click()
  // Named for people, not by the assessment's id.
  expect((await download).suggestedFilename()).toMatch(
    /^Co-assess report - Assess again check - \d{1,2} [A-Z][a-z]+ \d{4}\.docx$/,
  )
  await expectNoViolations(observer.page, 'the reports page for an observer')

  await chair.page.getByTestId('reports-link').click()
  await chair.page.getByRole('button', { name: 'Create a re-assessment' }).click()
  const done = chair.page.getByTestId('reassess-done')
  await expect(done.getByRole('heading', { name: 'Re-assessment created' })).toBeFocused()
  await expect(done).toContainText('1 action carried forward')
  const nextLink = await done.getByLabel(/Chair link for the new assessment/).inputValue()
  expect(nextLink).toMatch(/\/join\/[A-Za-z0-9_-]+$/)

  const nextChair = await joinAs(browser, new URL(nextLink).pathname, {
    name: 'Ama Chairperson',
    organisation: 'Bradford ICB',
    group: 'ics',
  })
  await nextChair.page.getByTestId('reports-link').click()
  await expect(
    nextChair.page
      .getByTestId('report-list')
      .getByRole('link', { name: 'Comparison with the previous assessment' }),
  ).toHaveAttribute('href', /\/comparison\?access=/)
  // Carried forward as proposed: it is on the new board, not yet ready to publish.
  await expect(nextChair.page.getByTestId('publish-not-ready')).toContainText(SHARED)

  for (const person of [chair, observer, nextChair]) await person.context.close()
})
