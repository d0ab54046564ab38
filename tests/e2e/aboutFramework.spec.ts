import { expect, test } from '@playwright/test'
import { createAssessment, firstFramework } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { joinAs, tickBox } from './support/people.ts'

test("the About page shows the framework's guidance, and an area its aim, plain English, words explained and the chair's guide", async ({
  browser,
  request,
}) => {
  const framework = await firstFramework(request)
  test.skip(framework.id !== 'cqc-hi-2025', 'the guidance is checked on the CQC framework')
  const { assessmentId, chairInvite } = await createAssessment(request, 'Guidance check', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Ama Chair',
    organisation: 'Bradford ICB',
    group: 'ics',
  })
  const page = chair.page

  // From the board's front page to the About page, and back.
  await page.getByTestId('about-link').click()
  await expect(page).toHaveURL(`/frameworks/${framework.id}/about?from=${assessmentId}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Addressing health inequalities through engagement with people and communities',
  )
  for (const heading of [
    'Introduction',
    'Core principles',
    'Purpose and use of the framework',
    'Owners, enablers and champions',
    'Approaches to implementation',
    'Practical tips for using the framework',
    'Words used on the board',
  ])
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible()
  await expect(page).toHaveTitle(/^About this framework – /)

  const raci = page.getByRole('table', { name: /RACI matrix/ })
  await expect(raci.getByRole('rowheader')).toHaveText([
    'Responsible',
    'Accountable',
    'Consulted',
    'Informed',
  ])
  await expect(raci.getByRole('columnheader')).toHaveText(['Category', 'What it means', 'Examples'])
  await expect(raci.getByRole('row', { name: /Accountable/ })).toContainText('Integrated care board (ICB)')
  await expectNoViolations(page, 'the About page')

  // A glossary word opens by keyboard, says it is open, and its definition follows it.
  const term = page.getByRole('button', { name: 'integrated care systems (what this means)' })
  await expect(term).toHaveAttribute('aria-expanded', 'false')
  await term.focus()
  await page.keyboard.press('Enter')
  await expect(term).toHaveAttribute('aria-expanded', 'true')
  const definition = page.locator(`#${await term.getAttribute('aria-controls')}`)
  await expect(definition).toBeVisible()
  await expect(definition).toContainText('A partnership of the NHS')
  await expectNoViolations(page, 'the About page with a definition open')
  await page.keyboard.press('Escape')
  await expect(definition).toBeHidden()

  // Reflow (WCAG 1.4.10): at 320 CSS pixels the page does not scroll sideways; the table scrolls in its own region.
  await page.setViewportSize({ width: 320, height: 800 })
  const sideways = await page.locator('html').evaluate((html) => {
    const box = html as unknown as { scrollWidth: number; clientWidth: number }
    return box.scrollWidth - box.clientWidth
  })
  expect(sideways, 'the About page scrolls sideways at 320 pixels').toBeLessThanOrEqual(0)
  await expectNoViolations(page, 'the About page at 320 pixels wide')
  await page.setViewportSize({ width: 1280, height: 900 })

  await page.getByRole('link', { name: 'Back to the board' }).click()
  await expect(page).toHaveURL(`/a/${assessmentId}`)

  // An area: its phase's aim, plain English marked as ours, and the words on the page explained.
  const area = framework.phases[0]!.areas[2]!
  await page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await expect(page.getByTestId('phase-aim')).toContainText(
    'Aim of phase 1: Identify relevant existing assets and knowledge (and gaps).',
  )
  const itemId = `${area.id}.emerging.1`
  const plain = page.locator(`[data-item-id="${itemId}"]`).getByTestId('plain-english')
  await expect(plain).toContainText('In plain English (our words, not CQC’s words):')
  await expect(plain).toContainText('Set aside money every year')
  // The checkbox keeps the framework's words as its name; the plain reading describes it.
  await expect(tickBox(page, itemId)).toHaveAccessibleName(/^Allocate a dedicated, ringfenced annual budget/)
  await expect(tickBox(page, itemId)).toHaveAccessibleDescription(/Set aside money every year/)

  const words = page.getByTestId('words-on-this-page')
  await words.getByText('Words used on this page, explained').click()
  await expect(
    words.getByRole('definition').filter({ hasText: 'Set aside for one purpose only' }),
  ).toBeVisible()

  // The chair's guide: a details element that opens by keyboard and quotes the practical tips.
  const guide = page.getByTestId('session-guide')
  const summary = guide.locator('summary')
  await summary.focus()
  await page.keyboard.press('Enter')
  await expect(guide).toHaveAttribute('open', '')
  await expect(guide).toContainText('Start a blind round')
  await expect(guide.getByRole('blockquote')).toContainText(
    'Your resources: If you have limited resources, start small by focusing on one phase or improvement area',
  )
  await expect(guide.getByRole('link', { name: /Read all of the framework’s guidance/ })).toHaveAttribute(
    'href',
    `/frameworks/${framework.id}/about?from=${assessmentId}`,
  )
  await expectNoViolations(page, 'an area with the chair’s guide and the words open')

  await chair.context.close()
})
