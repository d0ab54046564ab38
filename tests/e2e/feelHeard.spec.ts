import { expect, type Locator, type Page, test } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { joinAs, type Person, storedToken } from './support/people.ts'

// "Did you feel heard?" with four people at once: the chair ends the session, two participants
// answer with the keyboard alone, a third says "Not now", and the chair's console shows the answers
// by group as they come in, suppressed while a group has too few, with who came to the session.

/** Presses Tab (or Shift+Tab, back) until the element has focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < 150; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return
    await page.keyboard.press(key)
  }
  throw new Error('Tab never reached the element')
}

/** Answers with the keyboard: Space or the arrows choose on each scale (1 to 5), Tab moves on, Enter sends. */
async function answerByKeyboard(person: Person, steps: { heard: number; spoke: number; help?: string }) {
  const { page } = person
  // Tabbing into a scale nobody has chosen on lands on "Not at all": Space picks it, each arrow the next.
  const choose = async (scale: 'heard' | 'spoke', value: number) => {
    await page.keyboard.press('Space')
    for (let i = 1; i < value; i++) await page.keyboard.press('ArrowRight')
    await expect(page.locator(`#feel-heard-${scale}-${value}`)).toBeChecked()
    await expect(page.locator(`#feel-heard-${scale}-${value}`)).toBeFocused()
  }
  await tabTo(page, page.locator('#feel-heard-heard-1'))
  await choose('heard', steps.heard)
  await page.keyboard.press('Tab')
  await expect(page.locator('#feel-heard-spoke-1')).toBeFocused()
  await choose('spoke', steps.spoke)
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('What would help you take part next time? (optional)')).toBeFocused()
  if (steps.help) await page.keyboard.type(steps.help)
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Send my answers' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeFocused()
  await expect(page.getByText('Your answers were sent without your name.')).toBeVisible()
}

const row = (page: Page, group: RegExp | string) =>
  page
    .getByTestId('session-record')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: group }) })

test('after the session, people who came say whether they felt heard, and the chair sees it by group, suppressed while small', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000)
  const framework = await firstFramework(request)
  const { assessmentId, chairInvite } = await createAssessment(request, 'Feeling heard in Hull', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Chidi Chair',
    organisation: 'Humber ICB',
    group: 'ics',
  })
  const chairToken = await storedToken(chair.page, assessmentId)
  // Two of a group are enough to show it here, so one test can show a group both hidden and shown.
  const threshold = await request.put(`/api/assessments/${assessmentId}/small-numbers`, {
    headers: { Authorization: `Bearer ${chairToken}` },
    data: { threshold: 2 },
  })
  expect(threshold.status()).toBe(200)
  const invite = await createInvite(request, assessmentId, chairToken, 'participant')
  const ana = await joinAs(browser, invite.path, { name: 'Ana Able', organisation: 'Hull ICB', group: 'ics' })
  const ian = await joinAs(browser, invite.path, {
    name: 'Ian Irons',
    organisation: 'Hull City Council',
    group: 'ics',
  })
  const vic = await joinAs(browser, invite.path, {
    name: 'Vic Vance',
    organisation: 'Hull CVS',
    group: 'vcse',
  })
  const record = chair.page.getByTestId('session-record')

  await test.step('the chair starts the session and sees who came', async () => {
    await chair.page.getByRole('button', { name: 'Start session' }).click()
    await expect(record.getByText('4 people came')).toBeVisible()
    await record.getByText('4 people came').click()
    for (const name of [
      'Ana Able, Hull ICB (ICS)',
      'Ian Irons, Hull City Council (ICS)',
      'Vic Vance, Hull CVS (VCSE)',
    ])
      await expect(record.getByText(name)).toBeVisible()
    await expectNoViolations(chair.page, 'the chair console with a session running')
  })

  await test.step('the chair ends it with the keyboard; people who came are asked', async () => {
    // Focus is on "4 people came", just after the session controls: back to "End session".
    await tabTo(chair.page, chair.page.getByRole('button', { name: 'End session' }), 'Shift+Tab')
    await chair.page.keyboard.press('Enter')
    await expect(record.getByRole('table', { name: /Did people feel heard in session 1\?/ })).toBeVisible()
    await expect(row(chair.page, /ICS/)).toContainText('fewer than 2')
    await expectNoViolations(chair.page, 'the chair console after the session, before any answer')
    for (const person of [ana, ian, vic]) {
      const prompt = person.page.getByTestId('feel-heard')
      await expect(prompt.getByRole('heading', { name: 'Did you feel heard?' })).toBeVisible()
      await expect(prompt.getByRole('group', { name: 'Did you feel heard in this session?' })).toBeVisible()
      await expect(prompt.getByRole('group', { name: 'Could you say what you thought?' })).toBeVisible()
      await expect(prompt).toContainText('Your answers are sent without your name')
    }
    await expectNoViolations(ana.page, 'the "Did you feel heard?" questions')
  })

  await test.step('sending nothing says what is missing, with the keyboard', async () => {
    await tabTo(ana.page, ana.page.getByRole('button', { name: 'Send my answers' }))
    await ana.page.keyboard.press('Enter')
    const summary = ana.page.locator('.nhsuk-error-summary')
    await expect(summary).toBeFocused()
    await expect(summary).toContainText('Choose how far you felt heard')
    await expect(summary).toContainText('Choose how far you could say what you thought')
    await expectNoViolations(ana.page, 'the questions with errors')
  })

  await test.step('the first answer: the chair sees the group only as "fewer than 2"', async () => {
    await answerByKeyboard(ana, { heard: 4, spoke: 3 })
    await expectNoViolations(ana.page, 'the thank-you message')
    await expect(row(chair.page, /ICS/)).toContainText('fewer than 2')
    await expect(row(chair.page, /ICS/)).toContainText('Not shown')
    await expect(record).toContainText('Fewer than 2 people have answered.')
    await expectNoViolations(chair.page, 'the chair console with one answer')
  })

  await test.step('the second answer from the same group: the chair sees it, and the words to help', async () => {
    await answerByKeyboard(ian, {
      heard: 5,
      spoke: 5,
      help: 'More time for the community group to speak first',
    })
    // Ana chose "Mostly" (4) and "Partly" (3); Ian "Completely" (5) twice.
    await expect(row(chair.page, /ICS/)).toContainText('4.5 out of 5')
    await expect(row(chair.page, /ICS/)).toContainText('4.0 out of 5')
    await expect(row(chair.page, /VCSE/)).toContainText('fewer than 2')
    await expect(row(chair.page, 'Everyone')).toContainText('not shown')
    await expect(record).toContainText('More time for the community group to speak first')
    await expectNoViolations(chair.page, 'the chair console with a group shown')
  })

  await test.step('"Not now" puts the questions away; nobody but the chair sees answers', async () => {
    await tabTo(vic.page, vic.page.getByRole('button', { name: 'Not now' }))
    await vic.page.keyboard.press('Enter')
    await expect(vic.page.getByTestId('feel-heard')).toHaveCount(0)
    await expectNoViolations(vic.page, 'the board after "Not now"')
    for (const person of [ana, ian, vic]) {
      await expect(person.page.getByTestId('session-record')).toHaveCount(0)
      await expect(person.page.locator('body')).not.toContainText('More time for the community group')
    }
  })

  await test.step('a second session: the chair compares the sessions', async () => {
    await chair.page.getByRole('button', { name: 'Start session' }).click()
    await expect(record.getByRole('heading', { name: /Session 2: .*\(running now\)/ })).toBeVisible()
    await chair.page.getByRole('button', { name: 'End session' }).click()
    await expect(ana.page.getByRole('heading', { name: 'Did you feel heard?' })).toBeVisible()
    await answerByKeyboard(ana, { heard: 2, spoke: 2 })
    const comparison = chair.page.getByTestId('session-comparison')
    await expect(comparison.getByRole('row', { name: /Session 1/ })).toContainText('4.5 out of 5')
    await expect(comparison.getByRole('row', { name: /Session 2/ })).toContainText('fewer than 2')
    await expect(comparison.getByRole('row', { name: /Session 2/ })).toContainText('Not shown')
    await expectNoViolations(chair.page, 'the chair console comparing two sessions')
  })

  for (const person of [chair, ana, ian, vic]) await person.context.close()
})
