import { expect, test } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { joinAs, newPerson, storedToken } from './support/people.ts'

// Before the public page is published the chair reads it as the public will, with every word that
// may still name someone on the board marked; a name is edited out on the board, the page published,
// and read by someone with no sign-in.

const NAMED = 'Maria asked for a paper claim form'
const EDITED = 'A participant asked for a paper claim form'

test('the publish preview marks a name, which the chair edits out before publishing', async ({
  browser,
  request,
}) => {
  const framework = await firstFramework(request)
  const { assessmentId, chairInvite } = await createAssessment(request, 'Publish preview', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Cal Chair',
    organisation: 'Hull ICB',
    group: 'ics',
  })
  const invite = await createInvite(
    request,
    assessmentId,
    await storedToken(chair.page, assessmentId),
    'participant',
  )
  const maria = await joinAs(browser, invite.path, {
    name: 'Maria Lopez',
    organisation: 'Riverside Food Bank',
    group: 'vcse',
  })
  const { page } = chair
  await page.getByLabel('You said: what people raised').fill(NAMED)
  await page.getByRole('button', { name: 'Propose action' }).click()
  const action = page.getByTestId('action').filter({ hasText: NAMED })
  await action.getByRole('button', { name: 'Agree this action' }).click()
  await expect(action.getByTestId('action-status')).toHaveText('Agreed')

  await page.getByTestId('reports-link').click()
  await page
    .getByRole('group', { name: 'Which actions should the public page show?' })
    .getByLabel(NAMED)
    .check()
  await page.getByRole('button', { name: 'Preview the public page' }).click()
  const preview = page.getByTestId('publish-preview')
  await expect(
    preview.getByRole('heading', { name: 'Check the public page before it is published' }),
  ).toBeFocused()
  await expect(preview.locator('mark')).toHaveText(['Maria (may name someone)'])
  await expectNoViolations(page, 'the publish preview')

  // Publishing with the mark unchecked is stopped, and says what to do.
  await page.getByRole('button', { name: 'Publish this page' }).click()
  const summary = page.getByTestId('error-summary')
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveText(
    'Tick each marked word you have checked, or edit the action on the board and preview again',
  )
  await expect(page.getByTestId('publication-state')).toContainText('Not published')

  // The chair edits the name out on the board, then previews again: nothing left to check.
  await page.goBack()
  const card = page.getByTestId('action').filter({ hasText: NAMED })
  await card.getByRole('button', { name: 'Update this action' }).click()
  await card.getByLabel('You said', { exact: true }).fill(EDITED)
  await card.getByRole('button', { name: 'Save action' }).click()
  await expect(page.getByTestId('action').filter({ hasText: EDITED })).toBeVisible()
  await page.getByTestId('reports-link').click()
  await page
    .getByRole('group', { name: 'Which actions should the public page show?' })
    .getByLabel(EDITED)
    .check()
  await page.getByRole('button', { name: 'Preview the public page' }).click()
  await expect(page.getByTestId('publish-preview').getByTestId('no-possible-names')).toBeVisible()
  await page.getByRole('button', { name: 'Publish this page' }).click()
  await expect(page.getByTestId('publication-state')).toContainText('Published')
  const publicLink = await page.getByLabel('Link to the public page').inputValue()

  const visitor = await newPerson(browser, { width: 390, height: 844 })
  expect((await visitor.page.goto(publicLink))?.status()).toBe(200)
  await expect(visitor.page.getByText(EDITED)).toBeVisible()
  await expect(visitor.page.locator('body')).not.toContainText('Maria')
  await expect(visitor.page.locator('body')).not.toContainText('Lopez')
  for (const person of [chair, maria, visitor]) await person.context.close()
})
