import { expect, type Locator, test } from '@playwright/test'
import { createInvite } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { joinAs, newPerson, tabTo } from './support/people.ts'
import { chairAndParticipant } from './support/room.ts'

const SAID = 'Evening meetings would help carers come'

test('a keyboard-only chair closes and reopens the peer review, makes a comment an action, drops it unagreed, and records a level with no reason by choice', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000)
  const { framework, assessmentId, chairToken, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'Chair tools',
    {
      chair: { name: 'Pam Chair', organisation: 'Leeds ICB', group: 'ics' },
      participant: { name: 'Ivy Ics', organisation: 'Leeds Teaching Hospitals', group: 'ics' },
    },
  )
  const ivy = participant
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
  const area = framework.phases[0]!.areas[0]!
  const areaPath = `/a/${assessmentId}/areas/${area.id}`
  await Promise.all([ivy, vic, reviewer].map((p) => p.page.goto(areaPath)))
  const { page } = chair

  await test.step('the peer review has its own section saying what closing means', async () => {
    const section = page.getByTestId('review-state')
    await expect(section.getByRole('heading', { name: 'Peer review: open' })).toBeVisible()
    await expect(section).toContainText('peer reviewers can comment and suggest a level for each area')
    await expect(reviewer.page.getByRole('button', { name: 'Suggest this level' })).toBeVisible()
  })

  await test.step('the chair closes it with the keyboard, after a question, and the reviewer can no longer write', async () => {
    await tabTo(page, '[data-testid="review-state"] button')
    await expect(page.locator('[data-testid="review-state"] button')).toHaveText('Close the peer review')
    await page.keyboard.press('Enter')
    const question = page.locator('#review-confirm-question')
    await expect(question).toBeFocused()
    await expect(question).toHaveText(
      /^Close the peer review\? Peer reviewers will no longer be able to comment/,
    )
    await expectNoViolations(page, 'the question before closing the peer review')
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'Yes, close the peer review' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Peer review: closed' })).toBeFocused()
    await expect(page.getByTestId('review-last-change')).toContainText('Closed by Pam Chair on')
    await expect(reviewer.page.getByText('The chair has closed the peer review.')).toBeVisible()
    await expect(reviewer.page.getByRole('button', { name: 'Suggest this level' })).toHaveCount(0)
    await expectNoViolations(page, 'the peer review section, closed')
  })

  await test.step('and reopens it the same way: the reviewer can write again', async () => {
    await tabTo(page, '[data-testid="review-state"] button')
    await expect(page.locator('[data-testid="review-state"] button')).toHaveText('Reopen the peer review')
    await page.keyboard.press('Enter')
    await expect(page.locator('#review-confirm-question')).toHaveText(/^Reopen the peer review\?/)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Peer review: open' })).toBeFocused()
    await expect(page.getByTestId('review-last-change')).toContainText('Reopened by Pam Chair on')
    await expect(reviewer.page.getByRole('button', { name: 'Suggest this level' })).toBeVisible()
  })

  await test.step('Ivy comments; Vic may not make her comment an action; the chair may, after a question', async () => {
    await ivy.page.getByRole('textbox', { name: 'Your comment' }).click()
    await ivy.page.keyboard.type(SAID)
    await ivy.page.getByRole('button', { name: 'Add comment' }).click()
    const vicsView = vic.page.getByTestId('comment').filter({ hasText: SAID })
    await expect(vicsView).toBeVisible()
    await expect(vicsView.getByRole('button', { name: 'Make this a proposed action' })).toHaveCount(0)
    await expect(
      ivy.page
        .getByTestId('comment')
        .filter({ hasText: SAID })
        .getByRole('button', { name: 'Make this a proposed action' }),
    ).toBeVisible()

    const makeIt = `[data-testid="comment"]:has-text("${SAID}") button:has-text("Make this a proposed action")`
    await expect(page.locator(makeIt)).toBeVisible()
    await tabTo(page, makeIt)
    await page.keyboard.press('Enter')
    const ask = page.getByTestId('confirm-make-action')
    await expect(ask.locator('p')).toBeFocused()
    await expect(ask).toContainText(`Make this comment a proposed action? It will read: “${SAID}”`)
    await expectNoViolations(page, 'the question before making a comment an action')
    // The owner can be picked as it is made, from the same list as the action's form, by keyboard.
    await page.keyboard.press('Tab')
    const owner = ask.getByRole('combobox', { name: 'Owner' })
    await expect(owner).toBeFocused()
    await expect(owner).toHaveAccessibleDescription(
      'A person or a team on the board, or someone who is not here.',
    )
    await expect(owner.locator('option:checked')).toHaveText('No owner yet')
    await expect(owner.locator('optgroup[label="People on the board"] option')).toContainText([
      'Ivy Ics',
      'Pam Chair',
      'Vic Vcse',
    ])
    await owner.selectOption({ label: 'Vic Vcse' })
    await expect(owner).toBeFocused()
    await expectNoViolations(page, 'the question with the owner picked')
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'Yes, propose it as an action' })).toBeFocused()
    await page.keyboard.press('Enter')
    // Focus goes to the new action's card, which says what it is; the comment says it was proposed.
    const card = page.getByTestId('action').filter({ hasText: SAID })
    await expect(card.getByRole('heading', { name: `You said: ${SAID}` })).toBeFocused()
    await expect(card.getByTestId('action-status')).toHaveText('Proposed')
    await expect(card).toContainText('OwnerVic Vcse')
    await expect(page.getByTestId('comment').filter({ hasText: SAID })).toContainText('Proposed as an action')
    await expectNoViolations(page, 'the new action, focused')
  })

  const card = page.getByTestId('action').filter({ hasText: SAID })
  await test.step('the owner is changed in the action’s form, from the same list', async () => {
    await card.getByRole('button', { name: 'Update this action' }).click()
    await expect(
      card.getByRole('button', { name: 'Stop editing this action (changes not saved)' }),
    ).toBeVisible()
    const owner = card.getByRole('combobox', { name: 'Owner' })
    await expect(owner.locator('option:checked')).toHaveText('Vic Vcse')
    await expect(owner.locator('optgroup[label="People on the board"] option')).toContainText([
      'Ivy Ics',
      'Pam Chair',
      'Vic Vcse',
    ])
    await owner.selectOption({ label: 'Ivy Ics' })
    await expectNoViolations(page, 'the action form with the owner list')
    await card.getByRole('button', { name: 'Save action' }).click()
    await expect(card).toContainText('OwnerIvy Ics')
  })

  await test.step('dropping it unagreed asks why once, names the right field, and never says it was agreed', async () => {
    await card.getByRole('button', { name: 'Update this action' }).click()
    await card.getByLabel('Status').selectOption('dropped')
    await expect(card.getByRole('textbox', { name: /^Why/ })).toHaveCount(1)
    await card.getByRole('textbox', { name: 'How they were told' }).fill('At the carers’ forum')
    await card.getByRole('button', { name: 'Save action' }).click()
    const reason = card.getByRole('textbox', { name: 'Why we will not do this' })
    await expect(reason).toBeFocused()
    await expect(reason).toHaveAccessibleDescription(/Error:\s+Write why this action will not be done/)
    await expect(card.getByLabel('Date the people who raised it were told')).toHaveAccessibleDescription(
      /Error:\s+Enter the date the people who raised it were told/,
    )
    await expect(card.getByRole('textbox', { name: 'How they were told' })).not.toHaveAttribute(
      'aria-invalid',
    )
    await expectNoViolations(page, 'the drop form showing its errors')
    await reason.fill('The room is not free in the evenings')
    await card.getByLabel('Date the people who raised it were told').fill('2026-12-01')
    await card.getByRole('button', { name: 'Save action' }).click()
    await expect(card.getByTestId('action-status')).toHaveText('Dropped')
    await expect(card).toContainText('AgreedNever agreed: dropped while still a proposal')
    await expect(card).not.toContainText('In session')
    await expect(
      ivy.page.getByTestId('comment').filter({ hasText: SAID }).getByText('Proposed as an action.'),
    ).toBeVisible()
  })

  await test.step('a level needs a reason, or the chair’s choice to record none', async () => {
    await page.goto(areaPath)
    const form = page.getByTestId('record-level')
    await form.getByRole('radio', { name: framework.levels[0]!.label, exact: true }).check()
    await form.getByRole('button', { name: 'Record agreed level' }).click()
    const rationale = form.getByRole('textbox', { name: 'Rationale' })
    await expect(rationale).toBeFocused()
    await expect(rationale).toHaveAccessibleDescription(
      /Error:\s+Write why the group agreed this level, or tick that you agreed without recording a reason/,
    )
    await expectNoViolations(page, 'the level form asking for a reason')
    await form.getByRole('checkbox', { name: 'We agreed without recording a reason' }).check()
    await form.getByRole('button', { name: 'Record agreed level' }).click()
    await expect(page.getByTestId('agreed-level')).toHaveText(framework.levels[0]!.label)
    for (const p of [page, ivy.page])
      await expect(p.getByText('We agreed without recording a reason.')).toBeVisible()
    await expect(page.getByText('None given')).toHaveCount(0)
  })
  for (const p of [chair, ivy, vic, reviewer]) await p.context.close()
})

test('a new action’s owner is picked as it is proposed: a person, a team, or someone not on the board', async ({
  browser,
  request,
}) => {
  const { chair, participant } = await chairAndParticipant(browser, request, 'Owners from the start', {
    chair: { name: 'Ola Chair', organisation: 'Leeds ICB', group: 'ics' },
    participant: { name: 'Una Vcse', organisation: 'Leeds Community Voices', group: 'vcse' },
  })
  const { page } = chair
  const form = page.locator('form.co-propose')
  const propose = async (said: string, pick: (owner: Locator) => Promise<void>) => {
    await form.getByLabel('You said: what people raised').fill(said)
    const owner = form.getByRole('combobox', { name: 'Owner' })
    await expect(owner.locator('option:checked')).toHaveText('No owner yet')
    await pick(owner)
    await form.getByRole('button', { name: 'Propose action' }).click()
    return page.getByTestId('action').filter({ hasText: said })
  }

  await test.step('a person on the board, picked with the keyboard', async () => {
    const owner = form.getByRole('combobox', { name: 'Owner' })
    await expect(owner.locator('optgroup[label="People on the board"] option')).toHaveText([
      'Ola Chair',
      'Una Vcse',
    ])
    await expectNoViolations(page, 'the new-action form with its owner list')
    const card = await propose('Run a session in Urdu', async (picker) => {
      await picker.focus()
      // The list's order: no owner, then the people by name; one step down is Ola.
      await page.keyboard.press('ArrowDown')
      await expect(picker.locator('option:checked')).toHaveText('Ola Chair')
    })
    await expect(card).toContainText('OwnerOla Chair')
    // Everyone on the board sees who owns it; the form starts afresh.
    await expect(
      participant.page.getByTestId('action').filter({ hasText: 'Run a session in Urdu' }),
    ).toContainText('OwnerOla Chair')
    await expect(form.getByRole('combobox', { name: 'Owner' }).locator('option:checked')).toHaveText(
      'No owner yet',
    )
  })

  await test.step('a team on the board', async () => {
    const teams = form
      .getByRole('combobox', { name: 'Owner' })
      .locator('optgroup[label="Teams and groups"] option')
    const label = ((await teams.first().textContent()) ?? '').trim()
    expect(label).not.toBe('')
    const card = await propose('Share the minutes', async (owner) => {
      await owner.selectOption({ label })
    })
    await expect(card).toContainText(`Owner${label}`)
  })

  await test.step('someone not on the board, typed in', async () => {
    const card = await propose('Ask the carers’ forum', async (owner) => {
      await owner.selectOption({ label: 'Someone not on the board (type their name)' })
      await form.getByRole('textbox', { name: 'Owner’s name or team' }).fill('Carers Leeds')
      await expectNoViolations(page, 'the new-action form with an owner typed in')
    })
    await expect(card).toContainText('OwnerCarers Leeds')
    await expect(form.getByRole('textbox', { name: 'Owner’s name or team' })).toHaveCount(0)
    // The actions list can be filtered by each owner now named.
    await expect(page.locator('.co-filters').getByLabel('Owner').locator('option')).toContainText([
      'Any owner',
      'Carers Leeds',
      'Ola Chair',
    ])
  })
  for (const person of [chair, participant]) await person.context.close()
})
