import { expect, test } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { joinAs, newPerson, storedToken, tickBox } from './support/people.ts'

test('the join page, the board, an area and the chair console have no WCAG 2.2 AA failures axe can find', async ({
  browser,
  request,
}) => {
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const { assessmentId, chairInvite } = await createAssessment(request, 'Accessibility check', framework.id)

  const visitor = await newPerson(browser)
  await visitor.page.goto(chairInvite.path)
  await expect(visitor.page.getByRole('heading', { level: 1 })).toContainText('Join Accessibility check')
  await expectNoViolations(visitor.page, 'the join page')
  // The error summary and messages, too.
  await visitor.page.getByRole('button', { name: 'Join the board' }).click()
  await expect(visitor.page.getByText('There is a problem')).toBeVisible()
  await expectNoViolations(visitor.page, 'the join page with errors')
  await visitor.context.close()

  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Ama Chair',
    organisation: 'Bradford ICB',
    group: 'ics',
  })
  await expect(chair.page.getByRole('heading', { name: 'Chair console' })).toBeVisible()
  await expectNoViolations(chair.page, 'the board overview with the chair console')

  const invite = await createInvite(
    request,
    assessmentId,
    await storedToken(chair.page, assessmentId),
    'participant',
  )
  const participant = await joinAs(browser, invite.path, {
    name: 'Pat Partner',
    organisation: 'Carers Leeds',
    group: 'vcse',
  })
  await expectNoViolations(participant.page, 'the board overview for a participant')

  await participant.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await chair.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  const firstItem = area.levels[0]!.items[0]!.id
  await tickBox(participant.page, firstItem).check()
  await tickBox(chair.page, area.levels[1]!.items[0]!.id).check()
  await expect(chair.page.locator(`[data-item-id="${firstItem}"]`).getByTestId('disagreement')).toBeVisible()
  await chair.page.getByRole('button', { name: 'Start timer' }).click()
  await expect(chair.page.getByTestId('timer')).toBeVisible()
  await expectNoViolations(participant.page, 'an area for a participant')
  await expectNoViolations(chair.page, 'an area with the chair console, a timer and disagreement')

  await chair.page.getByRole('button', { name: `Start a blind round on ${area.id}` }).click()
  await expect(participant.page.getByTestId('blind-notice')).toBeVisible()
  await expectNoViolations(participant.page, 'an area in a blind round')

  await chair.page.getByRole('button', { name: 'Projector mode' }).click()
  await expectNoViolations(chair.page, 'an area in projector mode')

  await chair.context.close()
  await participant.context.close()
})
