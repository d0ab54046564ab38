import { expect, test } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './support/api.ts'
import { joinAs, newPerson, storedToken } from './support/people.ts'

test('a person coming back on the same device lands on the board without joining again', async ({
  browser,
  request,
}) => {
  const framework = await firstFramework(request)
  const { assessmentId, chairInvite } = await createAssessment(request, 'Coming back', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Rae Return',
    organisation: 'Kirklees',
    group: 'ics',
  })
  await chair.page.goto('/')
  await chair.page.getByRole('link', { name: 'Coming back' }).click()
  await expect(chair.page.getByRole('heading', { level: 1 })).toHaveText('Coming back')
  await chair.page.reload()
  await expect(chair.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')

  // Opening the invite link again offers to carry on as the same person.
  await chair.page.goto(chairInvite.path)
  await chair.page.getByRole('button', { name: 'Continue as Rae Return' }).click()
  await expect(chair.page).toHaveURL(new RegExp(`/a/${assessmentId}$`))
  await chair.context.close()
})

test('an unknown or withdrawn invite link says so plainly', async ({ browser, request }) => {
  const framework = await firstFramework(request)
  const { assessmentId, chairInvite } = await createAssessment(request, 'Withdrawn', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Wyn Withdraw',
    organisation: 'Wakefield',
    group: 'ics',
  })
  const token = await storedToken(chair.page, assessmentId)
  const invite = await createInvite(request, assessmentId, token, 'participant')
  const revoked = await request.delete(`/api/assessments/${assessmentId}/invites/${invite.id}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(revoked.ok()).toBe(true)

  const visitor = await newPerson(browser)
  await visitor.page.goto(invite.path)
  await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText(
    'This invite link can no longer be used',
  )
  await visitor.page.goto('/join/not-a-real-invite-token-0000000000')
  await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('This invite link is not known')
  await visitor.page.goto(`/a/${assessmentId}`)
  await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText(
    'You have not joined this board on this device',
  )
  await visitor.context.close()
  await chair.context.close()
})

test('an observer sees the board read-only: no ticks, no note editing', async ({ browser, request }) => {
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const { assessmentId, chairInvite } = await createAssessment(request, 'Observed', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Oli Chair',
    organisation: 'Calderdale',
    group: 'ics',
  })
  const invite = await createInvite(
    request,
    assessmentId,
    await storedToken(chair.page, assessmentId),
    'observer',
  )
  // An observer speaks for no stakeholder group, so the form asks for none.
  const observer = await joinAs(browser, invite.path, { name: 'Obi Observer', organisation: 'CQC' })
  await chair.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await observer.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await expect(observer.page.getByRole('heading', { level: 1 })).toContainText(area.title)
  await expect(observer.page.getByRole('checkbox', { name: area.levels[0]!.items[0]!.text })).toHaveCount(0)
  await expect(observer.page.getByText(area.levels[0]!.items[0]!.text, { exact: true })).toBeVisible()
  await expect(observer.page.getByRole('heading', { name: 'Chair console' })).toHaveCount(0)
  await expect(observer.page.getByRole('textbox', { name: /Evidence notes/ })).toHaveAttribute(
    'contenteditable',
    'false',
  )

  await chair.page.getByRole('textbox', { name: /Evidence notes/ }).click()
  await chair.page.keyboard.type('Seen by the observer.')
  await expect(observer.page.getByTestId('notes')).toContainText('Seen by the observer.')
  await expect(observer.page.getByTestId('refusal')).toHaveCount(0)
  await chair.context.close()
  await observer.context.close()
})
