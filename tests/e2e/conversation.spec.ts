import { expect, test } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { joinAs, newPerson, storedToken } from './support/people.ts'

test('a peer reviewer comments and suggests a level, the host replies live, a comment becomes an agreed action, a mention arrives', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000)
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const { assessmentId, chairInvite } = await createAssessment(request, 'Talking it through', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Pam Chair',
    organisation: 'Leeds ICB',
    group: 'ics',
  })
  const chairToken = await storedToken(chair.page, assessmentId)
  const vic = await joinAs(
    browser,
    (await createInvite(request, assessmentId, chairToken, 'participant')).path,
    {
      name: 'Vic Vcse',
      organisation: 'Leeds Community Voices',
      group: 'vcse',
    },
  )
  const reviewer = await newPerson(browser)
  await reviewer.page.goto((await createInvite(request, assessmentId, chairToken, 'peer-reviewer')).path)
  await reviewer.page.getByLabel('Your name').fill('Rey Reviewer')
  await reviewer.page.getByLabel('Your organisation').fill('Humber ICB')
  await reviewer.page.getByRole('button', { name: 'Join the board' }).click()
  await expect(reviewer.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  const areaPath = `/a/${assessmentId}/areas/${area.id}`
  await Promise.all([reviewer.page, vic.page, chair.page].map((p) => p.goto(areaPath)))

  // The reviewer suggests a level and starts a thread in the review layer, mentioning Vic.
  await reviewer.page.getByLabel(`The level you suggest for ${area.id}`).selectOption({ index: 3 })
  await reviewer.page.getByLabel('Your reasoning').fill('Little sign of co-design yet')
  await reviewer.page.getByRole('button', { name: 'Suggest this level' }).click()
  const reviewerBox = reviewer.page.getByRole('textbox', { name: 'Your peer-review comment' })
  await reviewerBox.click()
  await reviewer.page.keyboard.type('Where is the evidence? Ask ')
  await reviewer.page.keyboard.type('@Vic')
  await expect(reviewer.page.getByTestId('mention-list')).toContainText('Vic Vcse')
  await reviewer.page.keyboard.press('Enter')
  await reviewer.page.getByRole('button', { name: 'Add comment' }).click()

  // Vic sees it live, with who wrote it, and replies in the same thread.
  const thread = vic.page.getByTestId('thread').first()
  await expect(thread).toContainText('Where is the evidence?')
  await expect(thread).toContainText('Rey Reviewer')
  await expect(thread).toContainText('Peer review')
  await expect(vic.page.getByTestId('peer-review')).toContainText('Little sign of co-design yet')
  await thread.getByRole('button', { name: /^Reply/ }).click()
  await vic.page.getByRole('textbox', { name: /Your reply/ }).click()
  await vic.page.keyboard.type('The minutes are on the website')
  await vic.page.getByRole('button', { name: 'Send reply' }).click()
  await expect(reviewer.page.getByTestId('thread').first()).toContainText('The minutes are on the website')
  await expectNoViolations(reviewer.page, 'the peer-review view with a thread')

  // Vic makes her own reply a proposed action, after saying yes; the chair agrees it inside a session.
  const vicReply = vic.page.getByTestId('comment').filter({ hasText: 'The minutes are on the website' })
  await vicReply.getByRole('button', { name: 'Make this a proposed action' }).click()
  await vicReply.getByRole('button', { name: 'Yes, propose it as an action' }).click()
  await expect(vicReply.getByRole('status')).toContainText('Proposed as an action')

  // While it is still a proposal, Vic can change it, and add an area, but not its status.
  const otherArea = framework.phases[0]!.areas[1]!
  await vic.page.goto(`/a/${assessmentId}`)
  const vicAction = vic.page.getByTestId('action').filter({ hasText: 'The minutes are on the website' })
  await vicAction.getByRole('button', { name: 'Update this action' }).click()
  await expect(vicAction.getByLabel('Status')).toHaveCount(0)
  await vicAction
    .getByRole('group', { name: /^Areas/ })
    .getByLabel(`${otherArea.id} ${otherArea.title}`)
    .check()
  await vicAction.getByRole('button', { name: 'Save your proposal' }).click()
  await chair.page.goto(`/a/${assessmentId}`)
  await chair.page.getByRole('button', { name: 'Start session' }).click()
  const action = chair.page.getByTestId('action').filter({ hasText: 'The minutes are on the website' })
  await expect(action.getByTestId('action-status')).toHaveText('Proposed')
  await expect(action).toContainText(`${area.id}, ${otherArea.id}`)
  await action.getByRole('button', { name: 'Agree this action' }).click()
  await expect(action.getByTestId('action-status')).toHaveText('Agreed')
  await expect(action).toContainText('In session 1')
  await vic.page.goto(`/a/${assessmentId}`)
  await expect(
    vic.page
      .getByTestId('action')
      .filter({ hasText: 'The minutes are on the website' })
      .getByTestId('action-status'),
  ).toHaveText('Agreed')
  // Once agreed, only a chair changes it, so Vic is no longer offered the form.
  await expect(vicAction.getByRole('button', { name: 'Update this action' })).toHaveCount(0)

  // The mention reached Vic's own list, and the overview counts the open thread.
  await expect(vic.page.getByTestId('mentions')).toContainText('Rey Reviewer mentioned you')
  await expect(vic.page.getByTestId('thread-count').first()).toHaveText('1 open comment thread')
  await expectNoViolations(vic.page, 'the overview with mentions, the action list and all threads')

  // Dropping an action asks why, because that reason is what the people who raised it are told.
  await action.getByRole('button', { name: 'Update this action' }).click()
  await action.getByLabel('Status').selectOption('dropped')
  await action.getByRole('button', { name: 'Save action' }).click()
  const reason = action.getByRole('textbox', { name: 'Why we will not do this' })
  await expect(reason).toBeFocused()
  await expect(reason).toHaveAccessibleDescription(/Error:\s+Write why this action will not be done/)
  await expect(action.getByTestId('action-status')).toHaveText('Agreed')
  await expectNoViolations(chair.page, 'the chair’s action form showing an error')
  await reason.fill('The minutes already answer this')
  await action.getByRole('button', { name: 'Save action' }).click()
  await expect(action.getByTestId('action-status')).toHaveText('Dropped')
  await expect(action).toContainText('The minutes already answer this')

  // The chair closes the review, after saying yes: the reviewer reads but can no longer write.
  await chair.page.getByRole('button', { name: 'Close the peer review' }).click()
  await chair.page.getByRole('button', { name: 'Yes, close the peer review' }).click()
  await expect(chair.page.getByTestId('review-closed')).toBeVisible()
  await expect(reviewer.page.getByText('The chair has closed the peer review.')).toBeVisible()
  await expect(reviewer.page.getByRole('button', { name: 'Suggest this level' })).toHaveCount(0)
  await expect(reviewer.page.getByRole('textbox', { name: 'Your peer-review comment' })).toHaveCount(0)
  for (const p of [chair, vic, reviewer]) await p.context.close()
})
