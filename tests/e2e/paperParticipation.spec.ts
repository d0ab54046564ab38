import { expect, type Page, test } from '@playwright/test'
import { allItems, createAssessment, createInvite, firstFramework } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { itemBlock, joinAs, storedToken, tabTo } from './support/people.ts'

// Someone who took part on paper: the chair, by keyboard alone, records their ticks and views; a
// participant in another browser sees the count move and the mark; the area prints as a paper
// checklist, and the Word checklist downloads under a human name.
const TITLE = 'Paper and phone in Leeds – café’s review'

/** Presses a key on the element the keyboard has reached: no mouse anywhere in the chair's flow. */
async function press(page: Page, selector: string, key: string) {
  await tabTo(page, selector)
  await page.keyboard.press(key)
}

test('a chair records a paper answer by keyboard; the room sees it counted and marked; it prints and downloads', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000)
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const [item1] = allItems(area) as [string]
  const { assessmentId, chairInvite } = await createAssessment(request, TITLE, framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Chidi Chair',
    organisation: 'West Yorkshire ICB',
    group: 'ics',
  })
  const chairToken = await storedToken(chair.page, assessmentId)
  const vcse = await joinAs(
    browser,
    (await createInvite(request, assessmentId, chairToken, 'participant')).path,
    {
      name: 'Vic VCSE',
      organisation: 'Leeds Community Trust',
      group: 'vcse',
    },
  )
  const areaPath = `/a/${assessmentId}/areas/${area.id}`
  for (const person of [chair, vcse]) {
    await person.page.goto(areaPath)
    await expect(person.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  }
  const form = chair.page.getByTestId('record-from-paper')

  await test.step('the chair sees the recording form; a participant sees only the paper checklist', async () => {
    await expect(form.getByRole('heading', { name: 'Record answers from paper or phone' })).toBeVisible()
    await expect(vcse.page.getByTestId('paper-checklist')).toBeVisible()
    await expect(vcse.page.getByTestId('record-from-paper')).toHaveCount(0)
    await expectNoViolations(chair.page, 'the area with the recording form')
  })

  await test.step('saving with nothing chosen says what is missing, and takes focus there', async () => {
    await press(chair.page, '#paper-record-save', 'Enter')
    const errors = chair.page.getByTestId('record-from-paper-errors')
    await expect(errors).toBeFocused()
    await expect(errors).toContainText('Choose whose answers these are')
    await expectNoViolations(chair.page, 'the recording form with an error')
  })

  await test.step('the chair adds Rosa, ticks one item and types her views, by keyboard alone', async () => {
    // Nobody is recorded yet, so "Someone not listed yet" is the only choice.
    await press(chair.page, '#paper-record-who-0', 'Space')
    await tabTo(chair.page, '#paper-record-name')
    await chair.page.keyboard.type('Rosa Diaz')
    await tabTo(chair.page, '#paper-record-organisation')
    await chair.page.keyboard.type('Carers Together')
    // Arrow keys move through a radio group and choose as they go: the third default group.
    await tabTo(chair.page, '#paper-record-group-0')
    await chair.page.keyboard.press('ArrowDown')
    await chair.page.keyboard.press('ArrowDown')
    await expect(chair.page.locator('#paper-record-group-2')).toBeChecked()
    await press(chair.page, '#paper-record-how-0', 'Space')
    await press(chair.page, `#paper-record-item-${item1.replaceAll('.', '\\.')}`, 'Space')
    await tabTo(chair.page, '#paper-record-views')
    await chair.page.keyboard.type('Nobody asks the carers until it is too late.')
    await expectNoViolations(chair.page, 'the recording form filled in')
    await press(chair.page, '#paper-record-save', 'Enter')
    const saved = chair.page.getByTestId('record-from-paper-saved')
    await expect(saved).toBeFocused()
    await expect(saved).toContainText('Saved Rosa Diaz’s answers for')
    await expect(saved).toContainText('recorded by you from paper')
    await expectNoViolations(chair.page, 'the recording form after saving')
  })

  await test.step('the participant sees the count move, marked with who recorded it and how', async () => {
    const first = itemBlock(vcse.page, item1)
    await expect(first.getByTestId('tally-recorded')).toHaveText(
      '1 of these ticks was recorded by Chidi Chair from paper.',
    )
    await expect(first.getByTestId('tally')).toContainText('Lived experience: 1 of 1')
    const comment = vcse.page.getByTestId('comment').filter({ hasText: 'Nobody asks the carers' })
    await expect(comment).toContainText('Rosa Diaz')
    await expect(comment.getByTestId('recorded-mark')).toHaveText(' · recorded by Chidi Chair from paper')
    await expectNoViolations(vcse.page, 'the area with an answer recorded from paper')
  })

  await test.step('the chair can pick Rosa again, with her ticks as saved', async () => {
    await expect(chair.page.locator('#paper-record-who-0')).toBeChecked()
    await expect(chair.page.locator(`#paper-record-item-${item1.replaceAll('.', '\\.')}`)).toBeChecked()
    await expect(form.getByRole('radio', { name: 'Rosa Diaz, Carers Together' })).toBeChecked()
    await expect(form.locator('#paper-record-who-0-hint')).toHaveText(
      'Lived experience or community member; recorded by you from paper',
    )
  })

  await test.step('printing the area gives the paper checklist alone, with empty boxes', async () => {
    const print = vcse.page.getByTestId('paper-print')
    await expect(print).toBeHidden()
    await vcse.page.emulateMedia({ media: 'print' })
    await expect(print).toBeVisible()
    await expect(print.getByRole('heading', { level: 1 })).toHaveText(
      `Checklist and discussion guide: ${area.id} ${area.title}`,
    )
    await expect(print.getByRole('heading', { name: `Your views on ${area.id}` })).toBeVisible()
    // Every item of the area, and a box to tick beside each, whatever anyone ticked on the board.
    for (const level of area.levels)
      for (const item of level.items)
        await expect(print.getByText(item.text, { exact: false }).first()).toBeVisible()
    expect(await print.locator('input').count()).toBe(0)
    await expect(vcse.page.locator('.co-page-title')).toBeHidden()
    await expect(vcse.page.getByTestId('paper-checklist')).toBeHidden()
    await vcse.page.emulateMedia({ media: 'screen' })
    await expect(print).toBeHidden()
  })

  await test.step('printing every area prints them all, then the page prints its own area again', async () => {
    // The print dialog cannot be driven in a headless browser: note what the page holds when it asks.
    await vcse.page.evaluate(() => {
      // This file is type-checked without the DOM's types: the page's globals are described here.
      const page = globalThis as unknown as {
        __printed: number[]
        print: () => void
        document: { querySelectorAll(selector: string): { length: number } }
      }
      page.__printed = []
      page.print = () => {
        page.__printed.push(
          page.document.querySelectorAll('[data-testid="paper-print"] .co-print-area').length,
        )
      }
    })
    await press(vcse.page, 'button:has-text("Print the checklist for all areas")', 'Enter')
    const everyArea = framework.phases.flatMap((p) => p.areas).length
    await expect
      .poll(() => vcse.page.evaluate(() => (globalThis as Record<string, unknown>).__printed))
      .toEqual([everyArea])
    await expect(vcse.page.getByTestId('paper-print').locator('.co-print-area')).toHaveCount(1)
  })

  await test.step('the Word checklist downloads under a human name', async () => {
    const downloading = chair.page.waitForEvent('download')
    await press(chair.page, `button:has-text("Download the checklist for ${area.id} (Word)")`, 'Enter')
    const download = await downloading
    expect(download.suggestedFilename()).toBe(
      `Co-assess checklist - ${TITLE} - ${area.id} ${area.title}.docx`,
    )
    await expect(chair.page.getByTestId('paper-checklist').getByRole('status')).toContainText('Downloaded')
  })

  await test.step('during a blind round the form says why it waits for the reveal', async () => {
    await press(chair.page, `button:has-text("Start a blind round on ${area.id}")`, 'Enter')
    await expect(chair.page.getByTestId('record-from-paper-closed')).toContainText('Reveal the ticks first')
    await expectNoViolations(chair.page, 'the recording form during a blind round')
    await press(chair.page, `button:has-text("Reveal ticks for ${area.id}")`, 'Enter')
    await expect(chair.page.locator('#paper-record-save')).toBeVisible()
  })

  await chair.context.close()
  await vcse.context.close()
})
