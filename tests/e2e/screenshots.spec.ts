import { expect, test } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './support/api.ts'
import { itemBlock, joinAs, storedToken, tickBox } from './support/people.ts'

// Pictures of the board for people to look at (test-results/screenshots): desktop, phone, projector.
test('the board at desktop and phone width', async ({ browser, request }) => {
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const { assessmentId, chairInvite } = await createAssessment(
    request,
    'Leeds place: engagement',
    framework.id,
  )
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Sam Chair',
    organisation: 'Leeds ICB',
    group: 'ics',
  })
  const invite = await createInvite(
    request,
    assessmentId,
    await storedToken(chair.page, assessmentId),
    'participant',
  )
  const phone = await joinAs(
    browser,
    invite.path,
    { name: 'Priya Phone', organisation: 'Touchstone', group: 'vcse' },
    { width: 390, height: 844 },
  )
  const dir = 'test-results/screenshots'
  await chair.page.screenshot({ path: `${dir}/overview-desktop.png`, fullPage: true })
  await chair.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await phone.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  const [first, second] = [area.levels[0]!.items[0]!.id, area.levels[0]!.items[1]!.id]
  await tickBox(chair.page, first).check()
  await tickBox(chair.page, second).check()
  await tickBox(phone.page, second).check()
  await expect(itemBlock(phone.page, first).getByTestId('disagreement')).toBeVisible()
  await chair.page.getByRole('textbox', { name: /Evidence notes/ }).click()
  await chair.page.keyboard.type('Panels meet monthly; minutes are published.')
  await chair.page.getByRole('button', { name: 'Start timer' }).click()
  await expect(phone.page.getByTestId('timer')).toBeVisible()
  // The phone's caret, with its name, in the chair's notes.
  await phone.page.getByRole('textbox', { name: /Evidence notes/ }).click()
  await phone.page.keyboard.press('End')
  await phone.page.keyboard.type(' Next meeting in March.')
  await expect(chair.page.locator('.co-caret__label')).toHaveText('Priya Phone')
  await chair.page.locator('.co-notes').screenshot({ path: `${dir}/notes-with-caret.png` })
  await chair.page.screenshot({ path: `${dir}/area-desktop-chair.png`, fullPage: true })
  await phone.page.screenshot({ path: `${dir}/area-phone.png`, fullPage: true })
  await phone.page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded()
  await phone.page.screenshot({ path: `${dir}/area-phone-top.png` })
  await itemBlock(phone.page, first).scrollIntoViewIfNeeded()
  await phone.page.screenshot({ path: `${dir}/area-phone-checklist.png` })
  // 1280 CSS pixels at 400% zoom is a 320 pixel wide viewport: everything should reflow, nothing scroll sideways.
  await phone.page.setViewportSize({ width: 320, height: 640 })
  const sideways = await phone.page.locator('html').evaluate((html) => {
    const box = html as unknown as { scrollWidth: number; clientWidth: number }
    return box.scrollWidth - box.clientWidth
  })
  expect(sideways).toBeLessThanOrEqual(0)
  await phone.page.screenshot({ path: `${dir}/area-reflow-320.png` })
  await phone.page.getByRole('button', { name: 'Projector mode' }).click()
  await phone.page.setViewportSize({ width: 1280, height: 800 })
  await phone.page.screenshot({ path: `${dir}/area-projector.png` })
  await chair.context.close()
  await phone.context.close()
})
