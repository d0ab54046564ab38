import { expect, test } from '@playwright/test'
import { tickBox } from './support/people.ts'
import { chairAndParticipant } from './support/room.ts'

// Someone reloads the board (or opens it from a bookmark) on the laptop they used before: the page is
// drawn with what this device holds. It never shows their ticks missing for a moment (an empty board
// drawn first and filled in when the device's copy loads): a screen reader would read the empty one,
// and drawing the board twice is what made a finished board's reload slow (BENCHMARKS.md, stop 25).
test('a reload draws the board once, with the ticks this device holds', async ({ browser, request }) => {
  const { framework, assessmentId, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'Reload',
    {
      chair: { name: 'Cal Chair', organisation: 'Hull ICB', group: 'ics' },
      participant: { name: 'Rhea Reload', organisation: 'Hull CVS', group: 'vcse' },
    },
  )
  const area = framework.phases[0]!.areas[0]!
  const item = area.levels[0]!.items[0]!.id
  const page = participant.page
  await page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await tickBox(page, item).check()
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')

  // Before the page's own scripts run: note whether the tick box was checked when it first appeared
  // (plain JavaScript: these tests are type-checked without the DOM's types).
  await page.addInitScript(`
    const observer = new MutationObserver(() => {
      const box = document.getElementById(${JSON.stringify(`tick-${item}`)})
      if (!box || 'firstTick' in window) return
      window.firstTick = box.checked
      observer.disconnect()
    })
    observer.observe(document, { childList: true, subtree: true })
  `)
  await page.reload()
  await expect(tickBox(page, item)).toBeChecked()
  expect(await page.evaluate(() => (globalThis as unknown as { firstTick?: boolean }).firstTick)).toBe(true)
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  await chair.context.close()
  await participant.context.close()
})
