import { expect, test } from '@playwright/test'
import { createAssessment, firstFramework } from './support/api.ts'
import { joinAs } from './support/people.ts'

// WCAG 1.4.10: at 400% zoom (a 320 CSS pixel wide window) every page reflows; nothing scrolls sideways.
test('the area, the overview and the reports page reflow at 320 pixels', async ({ browser, request }) => {
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const { assessmentId, chairInvite } = await createAssessment(request, 'Reflow check', framework.id)
  const chair = await joinAs(
    browser,
    chairInvite.path,
    { name: 'Sam Chair', organisation: 'Leeds ICB', group: 'ics' },
    { width: 320, height: 640 },
  )
  for (const [path, heading] of [
    [`/a/${assessmentId}/areas/${area.id}`, /Comments on this area/],
    [`/a/${assessmentId}`, /All comments/],
    [`/a/${assessmentId}/reports`, /Reports/],
  ] as const) {
    await chair.page.goto(path)
    await expect(chair.page.getByRole('heading', { name: heading }).first()).toBeVisible()
    const sideways = await chair.page.locator('html').evaluate((html) => {
      const box = html as unknown as { scrollWidth: number; clientWidth: number }
      return box.scrollWidth - box.clientWidth
    })
    expect(sideways, `${path} scrolls sideways`).toBeLessThanOrEqual(0)
  }
  await chair.context.close()
})
