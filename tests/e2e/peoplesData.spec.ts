import { expect, test } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { joinAs, newPerson, storedToken } from './support/people.ts'

// People's data in the browser: the chair adds a stakeholder group; a participant joins under it and
// answers the optional equality questions; the chair reads only totals, with small numbers
// suppressed, and removes the participant's name on request. axe on each new page and state.

test('groups, the equality questions and removing a name, by keyboard-labelled controls, with no axe failures', async ({
  browser,
  request,
}) => {
  const framework = await firstFramework(request)
  const { assessmentId, chairInvite } = await createAssessment(request, 'People’s data', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Cal Chair',
    organisation: 'Hull ICB',
    group: 'ics',
  })
  const { page } = chair

  // The chair adds a group the room needs.
  await page.getByLabel('Add a group, for example Healthwatch, carers or a Place team').fill('Healthwatch')
  await page.getByRole('button', { name: 'Add group' }).click()
  await expect(page.getByRole('listitem').filter({ hasText: /^Healthwatch$/ })).toBeVisible()
  await expectNoViolations(page, 'the chair console with the people’s data panel')

  // A participant joins under it, and is offered the equality questions, which say how they are kept.
  const invite = await createInvite(
    request,
    assessmentId,
    await storedToken(page, assessmentId),
    'participant',
  )
  const pat = await newPerson(browser)
  await pat.page.goto(invite.path)
  await pat.page.getByLabel('Your name').fill('Pat Healthwatch')
  await pat.page.getByLabel('Your organisation').fill('Healthwatch Hull')
  await pat.page.getByRole('radio', { name: 'Healthwatch' }).check()
  await pat.page.getByRole('button', { name: 'Join the board' }).click()
  await expect(pat.page.getByRole('heading', { level: 1, name: 'About you (optional)' })).toBeVisible()
  await expect(pat.page.getByText(/kept apart from your name/)).toBeVisible()
  await expectNoViolations(pat.page, 'the equality questions')
  const firstQuestion = pat.page.getByRole('group').first()
  await firstQuestion.getByRole('radio').first().check()
  await pat.page.getByRole('button', { name: 'Send my answers and go to the board' }).click()
  await expect(pat.page).toHaveURL(/\/a\/[A-Za-z0-9_-]+$/)

  // The chair sees totals only: one person answered: the count itself reads "fewer than 3" and nothing is broken down.
  await page.getByRole('button', { name: 'Show equality totals' }).click()
  await expect(page.getByText('People who answered: fewer than 3')).toBeVisible()
  await expect(page.getByText(/Totals show once 3 or more people have answered/)).toBeVisible()
  await expectNoViolations(page, 'the equality totals')

  // Removing a name asks first, then the board shows them by their group only.
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('button', { name: 'Remove name of Pat Healthwatch' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Removed Pat Healthwatch’s name.' })).toBeVisible()
  await expectNoViolations(page, 'the chair console after removing a name')
  await chair.context.close()
  await pat.context.close()
})
