import { expect, test } from '@playwright/test'
import { expectNoViolations } from './support/axe.ts'
import { joinAs } from './support/people.ts'
import { chairAndParticipant } from './support/room.ts'

// Evidence that lasts, and plans that can be measured: a group adds evidence, the chair agrees a level
// on it, plans an action with a measure, assesses again, and finds both waiting on the new board.

const MINUTES = 'Partnership board minutes, March'
const ACTION = 'Ask the carers’ forum to co-design the engagement plan'
const MEASURE = 'People from the carers’ forum at each design meeting'

test('evidence and a measured plan carry into the next assessment', async ({ browser, request }) => {
  const { framework, assessmentId, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'Evidence check',
    {
      chair: { name: 'Ama Chairperson', organisation: 'Bradford ICB', group: 'ics' },
      participant: { name: 'Vic Partner', organisation: 'Carers Together', group: 'vcse' },
    },
  )
  const area = framework.phases[0]!.areas[0]!
  const [first, second] = framework.levels
  const areaPath = (id: string) => `/a/${id}/areas/${area.id}`

  await test.step('a participant adds evidence, and the form says what is missing first', async () => {
    const page = participant.page
    await page.goto(areaPath(assessmentId))
    const section = page.getByTestId('area-evidence')
    await expect(section.getByTestId('evidence-count')).toHaveText('No evidence recorded for this area yet.')
    await section.getByRole('button', { name: `Add evidence for ${area.id}` }).click()
    const form = section.getByTestId('evidence-form')
    await form.getByRole('button', { name: 'Add evidence' }).click()
    const errors = form.getByTestId('evidence-errors')
    await expect(errors).toBeFocused()
    await expect(errors.getByRole('link')).toHaveText([
      'Select what kind of evidence it is',
      'Enter a title for the evidence',
      'Enter a short description, or give a link',
      'Select whether it can be shared beyond the board',
    ])
    // The summary's link takes a keyboard user to the field.
    await errors.getByRole('link', { name: 'Enter a title for the evidence' }).click()
    await expect(form.getByLabel('Title', { exact: true })).toBeFocused()
    await expectNoViolations(page, 'the evidence form with errors')

    await form.getByRole('radio', { name: 'Minutes or a decision' }).check()
    await form.getByLabel('Title', { exact: true }).fill(MINUTES)
    await form.getByLabel('Link (optional)').fill('https://example.org/minutes-march.pdf')
    await form.getByLabel('Short description').fill('Item 4: the board agreed to fund a community panel')
    await form.getByRole('radio', { name: 'Yes, it can go in reports' }).check()
    await form.getByRole('button', { name: 'Add evidence' }).click()
    const card = section.getByTestId('evidence').filter({ hasText: MINUTES })
    await expect(card.getByRole('link', { name: MINUTES })).toHaveAttribute(
      'href',
      'https://example.org/minutes-march.pdf',
    )
    await expect(card).toContainText('Vic Partner')
    // A participant cannot accept or retire evidence.
    await expect(card.getByTestId('evidence-chair')).toHaveCount(0)
  })

  await test.step('the chair agrees a level and accepts the evidence for it', async () => {
    const page = chair.page
    await page.goto(areaPath(assessmentId))
    const record = page.getByTestId('record-level')
    await record.getByRole('radio', { name: first!.label, exact: true }).check()
    await record.getByLabel('Rationale').fill('The board minutes show a panel is funded.')
    await record.getByRole('button', { name: 'Record agreed level' }).click()
    const card = page.getByTestId('evidence').filter({ hasText: MINUTES })
    await card.getByRole('button', { name: `Accept for ${first!.label}` }).click()
    await expect(card.getByTestId('evidence-accepted')).toHaveText(`Accepted for ${first!.label}`)
    await expect(
      participant.page.getByTestId('evidence').filter({ hasText: MINUTES }).getByTestId('evidence-accepted'),
    ).toHaveText(`Accepted for ${first!.label}`)
    await expectNoViolations(page, 'the area page for a chair, with evidence')
  })

  await test.step('the chair plans an action with a measure', async () => {
    const page = chair.page
    await page.goto(`/a/${assessmentId}`)
    await page.getByLabel('You said: what people raised').fill(ACTION)
    await page
      .getByRole('group', { name: /^Areas/ })
      .getByLabel(`${area.id} ${area.title}`)
      .check()
    await page.getByRole('button', { name: 'Propose action' }).click()
    const action = page.getByTestId('action').filter({ hasText: ACTION })
    await action.getByRole('button', { name: 'Agree this action' }).click()
    await action.getByRole('button', { name: 'Update this action' }).click()
    const plan = action.getByTestId('action-plan-fields')
    await plan.getByLabel('Level it aims the area at (optional)').selectOption({ label: second!.label })
    await plan.getByRole('radio', { name: 'This year' }).check()
    await plan.getByLabel('Measure').fill(MEASURE)
    await plan.getByLabel('Baseline').fill('None at the March meeting')
    await plan.getByLabel('Review date (optional)').fill('2026-09-30')
    await expectNoViolations(page, 'the action form with its plan')
    await action.getByRole('button', { name: 'Save action' }).click()
    await expect(action).toContainText(MEASURE)
    await expect(action).toContainText('30 September 2026')
  })

  await test.step('the chair assesses again, and the evidence and the plan are waiting', async () => {
    await chair.page.getByTestId('reports-link').click()
    await chair.page.getByRole('button', { name: 'Create a re-assessment' }).click()
    const done = chair.page.getByTestId('reassess-done')
    await expect(done.getByRole('heading', { name: 'Re-assessment created' })).toBeFocused()
    const nextLink = await done.getByLabel(/Chair link for the new assessment/).inputValue()
    const nextChair = await joinAs(browser, new URL(nextLink).pathname, {
      name: 'Ama Chairperson',
      organisation: 'Bradford ICB',
      group: 'ics',
    })
    const nextId = new URL(nextChair.page.url()).pathname.split('/')[2]!
    const page = nextChair.page
    await page.goto(areaPath(nextId))
    const found = page.getByTestId('previous-findings')
    await expect(found).toContainText(`Agreed level then: ${first!.label}`)
    await expect(found).toContainText('The board minutes show a panel is funded.')
    await expect(found.getByTestId('level-movement')).toHaveText('No level agreed yet this time.')
    await expect(found.getByTestId('previous-actions')).toContainText(ACTION)
    await expect(found.getByTestId('previous-actions')).toContainText(`measure: ${MEASURE}`)
    await expect(found.getByTestId('previous-actions')).toContainText(`aimed at ${second!.label}`)

    const section = page.getByTestId('area-evidence')
    await expect(section.getByTestId('evidence-count')).toHaveText(
      '1 piece of evidence, 1 from the previous assessment to confirm or retire.',
    )
    const card = section.getByTestId('evidence').filter({ hasText: MINUTES })
    await expect(card).toContainText('From the previous assessment: to confirm or retire')
    await expect(card).toContainText(`accepted there for ${first!.label}`)
    await expectNoViolations(page, 'a re-assessment’s area page with carried evidence')
    await card.getByRole('button', { name: 'Confirm it still holds' }).click()
    await expect(card).not.toContainText('to confirm or retire')

    // The carried action is on the new board's list, its plan with it.
    await page.goto(`/a/${nextId}`)
    await expect(page.getByTestId('action').filter({ hasText: ACTION })).toContainText(MEASURE)
    await nextChair.context.close()
  })

  for (const person of [chair, participant]) await person.context.close()
})
