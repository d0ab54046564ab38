import { expect, test } from '@playwright/test'
import { createAssessment, firstFramework } from './support/api.ts'
import { boardTicks, joinAs, tabTo } from './support/people.ts'

// Everything a chair does on an area, with the keyboard alone: no clicks after joining.
test('a tick, a note and an agreed level, using only the keyboard', async ({ browser, request }) => {
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const item = area.levels[0]!.items[0]!.id
  const { assessmentId, chairInvite } = await createAssessment(request, 'Keyboard only', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Kit Keys',
    organisation: 'Hull ICB',
    group: 'ics',
  })
  const { page } = chair

  // From the overview to the area: Tab to its link, Enter.
  await tabTo(page, `a[href="/a/${assessmentId}/areas/${area.id}"]`)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(area.title)

  // A tick: Tab to the first item, Space.
  await tabTo(page, `input[id="tick-${item}"]`)
  await page.keyboard.press('Space')
  await expect(page.locator(`input[id="tick-${item}"]`)).toBeChecked()
  await expect
    .poll(async () => Object.keys(await boardTicks(page)).some((k) => k.endsWith(`/${item}`)))
    .toBe(true)

  // A note: Tab into the editor, type, Tab out again.
  await tabTo(page, '.co-notes__editor')
  await page.keyboard.type('Typed without a mouse.')
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('notes')).toContainText('Typed without a mouse.')
  await expect(page.locator('.co-notes__editor')).not.toBeFocused()

  // A level: Tab to the radios, arrows to choose, Tab to the rationale, then submit with Enter.
  await tabTo(page, `input[id="record-${area.id}-not-assessed"]`)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(page.locator(`input[id="record-${area.id}-${framework.levels[0]!.id}"]`)).toBeChecked()
  await page.keyboard.press('Tab')
  await page.keyboard.type('Agreed by the room, keyboard only.')
  await tabTo(page, '[data-testid="record-level"] button[type="submit"]')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('agreed-level')).toHaveText(framework.levels[0]!.label)

  // Focus is always visible: the focused element has an outline or a box shadow.
  await tabTo(page, `input[id="tick-${item}"]`)
  const focusStyle = await page.locator(`label[for="tick-${item}"]`).evaluate((label) => {
    type Styled = {
      ownerDocument: { defaultView: { getComputedStyle(e: unknown, pseudo: string): { boxShadow: string } } }
    }
    return (label as unknown as Styled).ownerDocument.defaultView.getComputedStyle(label, '::before')
      .boxShadow
  })
  expect(focusStyle).toContain('rgb(255, 235, 59)')
  await chair.context.close()
})
