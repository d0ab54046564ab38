import { expect, test } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './support/api.ts'
import { joinAs, newPerson, storedToken } from './support/people.ts'

test('a peer reviewer joins without choosing a group and reads the board', async ({ browser, request }) => {
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const { assessmentId, chairInvite } = await createAssessment(request, 'Peer reviewed', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Pam Chair',
    organisation: 'Leeds',
    group: 'ics',
  })
  const invite = await createInvite(
    request,
    assessmentId,
    await storedToken(chair.page, assessmentId),
    'peer-reviewer',
  )

  const reviewer = await newPerson(browser)
  await reviewer.page.goto(invite.path)
  await expect(reviewer.page.getByText('You are invited as a peer reviewer.')).toBeVisible()
  await expect(reviewer.page.getByRole('radio')).toHaveCount(0)
  await reviewer.page.getByLabel('Your name').fill('Rey Reviewer')
  await reviewer.page.getByLabel('Your organisation').fill('Humber and North Yorkshire ICB')
  await reviewer.page.getByRole('button', { name: 'Join the board' }).click()
  await expect(reviewer.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  await reviewer.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await expect(
    reviewer.page.getByText('As a peer reviewer you can see the ticks and counts but not tick items.'),
  ).toBeVisible()
  await expect(reviewer.page.getByRole('checkbox', { name: area.levels[0]!.items[0]!.text })).toHaveCount(0)
  await expect(reviewer.page.getByRole('textbox', { name: /Evidence notes/ })).toHaveAttribute(
    'contenteditable',
    'false',
  )
  await expect(chair.page.getByTestId('presence-list')).toContainText('Rey Reviewer')
  await expect(reviewer.page.getByTestId('refusal')).toHaveCount(0)
  await chair.context.close()
  await reviewer.context.close()
})

test('the chair’s timer counts down for everyone and says once, politely, when time is up', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000)
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const { assessmentId, chairInvite } = await createAssessment(request, 'Timed', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Tim Chair',
    organisation: 'York',
    group: 'ics',
  })
  const invite = await createInvite(
    request,
    assessmentId,
    await storedToken(chair.page, assessmentId),
    'participant',
  )
  const pat = await joinAs(browser, invite.path, {
    name: 'Pia Part',
    organisation: 'York CVS',
    group: 'vcse',
  })
  await chair.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await pat.page.goto(`/a/${assessmentId}/areas/${area.id}`)

  await chair.page.getByLabel('Minutes for this area').fill('0.5')
  await chair.page.getByRole('button', { name: 'Start timer' }).click()
  await expect(pat.page.getByRole('timer')).toHaveText(/^0:(30|29|28|27)$/)
  await expect(pat.page.getByTestId('announcer')).toContainText(`A 30 second timer started on ${area.id}.`)
  await expect(pat.page.getByRole('timer')).toHaveText('Time is up', { timeout: 40_000 })
  await expect(pat.page.getByTestId('announcer')).toHaveText(`Time is up for ${area.id}.`, {
    timeout: 10_000,
  })
  await chair.context.close()
  await pat.context.close()
})
