import { expect, test } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { joinAs, storedToken } from './support/people.ts'

// WCAG 1.4.10: at 400% zoom (a 320 CSS pixel wide window) every page reflows; nothing scrolls sideways.
test('the area, the overview and the reports page reflow at 320 pixels', async ({ browser, request }) => {
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const { assessmentId, chairInvite } = await createAssessment(request, 'Reflow check', framework.id)
  const chair = await joinAs(
    browser,
    chairInvite.path,
    { name: 'Sam Chair', organisation: 'Leeds ICB', group: 'ics' },
    { width: 320, height: 640 },
  )
  for (const [path, heading] of [
    [`/a/${assessmentId}/areas/${area.id}`, /Comments on this area/],
    [`/a/${assessmentId}`, /All comments/],
    [`/a/${assessmentId}/reports`, /Reports/],
  ] as const) {
    await chair.page.goto(path)
    await expect(chair.page.getByRole('heading', { name: heading }).first()).toBeVisible()
    const sideways = await chair.page.locator('html').evaluate((html) => {
      const box = html as unknown as { scrollWidth: number; clientWidth: number }
      return box.scrollWidth - box.clientWidth
    })
    expect(sideways, `${path} scrolls sideways`).toBeLessThanOrEqual(0)
  }
  await chair.context.close()
})

test('at 320 pixels the peer review reflows to a list, and on a phone the header leaves the screen to the board', async ({
  browser,
  request,
}) => {
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const { assessmentId, chairInvite } = await createAssessment(
    request,
    'Reflow of the peer review',
    framework.id,
  )
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Sam Chair',
    organisation: 'Leeds ICB',
    group: 'ics',
  })
  const chairToken = await storedToken(chair.page, assessmentId)
  const reviewerInvite = await createInvite(request, assessmentId, chairToken, 'peer-reviewer')
  const reviewer = await joinAs(
    browser,
    reviewerInvite.path,
    { name: 'Rey Reviewer', organisation: 'Humber ICB' },
    {
      width: 320,
      height: 640,
    },
  )
  await reviewer.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await reviewer.page.getByLabel(`The level you suggest for ${area.id}`).selectOption({ index: 3 })
  await reviewer.page
    .getByLabel('Your reasoning')
    .fill('Little sign of co-design yet: the panel has met twice and its minutes are not published anywhere.')
  await reviewer.page.getByRole('button', { name: 'Suggest this level' }).click()
  const row = reviewer.page.getByTestId('peer-row')
  await expect(row).toContainText('Little sign of co-design yet')
  // Each suggestion is a block with its headings beside the values, and nothing scrolls sideways.
  await expect(row.getByText('Suggested level', { exact: false }).first()).toBeVisible()
  const sideways = await reviewer.page.locator('html').evaluate((html) => {
    const box = html as unknown as { scrollWidth: number; clientWidth: number }
    return box.scrollWidth - box.clientWidth
  })
  expect(sideways, 'the peer review scrolls sideways at 320 pixels').toBeLessThanOrEqual(0)
  await expectNoViolations(reviewer.page, 'the peer review at 320 pixels')

  // A participant on a phone, following the chair: the header and status bar keep to the top of the screen.
  const participantInvite = await createInvite(request, assessmentId, chairToken, 'participant')
  const phone = await joinAs(
    browser,
    participantInvite.path,
    { name: 'Pat Partner', organisation: 'Voluntary Action Leeds', group: 'vcse' },
    { width: 390, height: 844 },
  )
  await phone.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await expect(phone.page.getByRole('heading', { level: 1 })).toContainText(area.title)
  const header = await phone.page.locator('header.nhsuk-header').boundingBox()
  expect(header?.height ?? 0, 'the header is taller than a phone can spare').toBeLessThanOrEqual(120)
  await expect(phone.page.getByRole('checkbox', { name: 'Following the chair' })).toBeVisible()
  await expectNoViolations(phone.page, 'an area on a phone')
  for (const person of [chair, reviewer, phone]) await person.context.close()
})
