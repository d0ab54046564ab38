import { expect, test } from '@playwright/test'
import { boardTicks, goOffline, itemBlock, storedPersonId, tickBox } from './support/people.ts'
import { chairAndParticipant } from './support/room.ts'

/** The page's service worker container (the tests are type-checked without the DOM's types). */
interface ServiceWorkerHolder {
  serviceWorker: { ready: Promise<unknown>; controller: unknown }
}

// The projector laptop in a room with poor wifi: reloading the page while offline opens the board from
// what this device already has (the app's files from the service worker, the assessment and framework
// kept by the board, the board itself from y-indexeddb), and a tick made then reaches everyone once the
// connection is back.
test('reloading while offline still opens the board, and a tick made then reaches the others', async ({
  browser,
  request,
}) => {
  const {
    framework,
    assessmentId,
    chair,
    participant: pat,
  } = await chairAndParticipant(browser, request, 'Reload offline', {
    chair: { name: 'Cal Chair', organisation: 'Hull ICB', group: 'ics' },
    participant: { name: 'Pat Projector', organisation: 'Hull CVS', group: 'vcse' },
  })
  const area = framework.phases[0]!.areas[0]!
  const item = area.levels[0]!.items[0]!.id
  const patId = await storedPersonId(pat.page, assessmentId)
  const areaPath = `/a/${assessmentId}/areas/${area.id}`
  await chair.page.goto(areaPath)
  await pat.page.goto(areaPath)
  await expect(pat.page.getByRole('heading', { level: 1 })).toContainText(area.title)
  await expect(pat.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  // The app's files are on the device once the service worker is active (it installs on the first visit).
  await pat.page.evaluate(async () => {
    await (navigator as unknown as ServiceWorkerHolder).serviceWorker.ready
  })

  await goOffline(pat)
  await pat.page.reload()
  // The page really cannot reach the server; the service worker gave it the app...
  expect(
    await pat.page.evaluate(() =>
      fetch('/api/health', { cache: 'no-store' }).then(
        () => 'reached',
        () => 'unreachable',
      ),
    ),
  ).toBe('unreachable')
  expect(
    await pat.page.evaluate(
      () => (navigator as unknown as ServiceWorkerHolder).serviceWorker.controller !== null,
    ),
  ).toBe(true)
  // ...yet the board and the person's area are there, and say plainly that they are offline.
  await expect(pat.page.getByRole('heading', { level: 1 })).toContainText(area.title)
  await expect(pat.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'offline')
  await expect(pat.page.getByText('You are Pat Projector')).toBeVisible()

  await tickBox(pat.page, item).check()
  // The count also holds what was restored from this device's copy on reload: at least the new tick.
  await expect(pat.page.getByTestId('sync-state')).toContainText(/Offline: \d+ changes? waiting/)
  expect((await boardTicks(chair.page))[`${patId}/${item}`]).toBeUndefined()

  await pat.context.setOffline(false)
  await expect(pat.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  await expect.poll(async () => (await boardTicks(chair.page))[`${patId}/${item}`]?.ticked).toBe(true)
  await expect(itemBlock(chair.page, item).getByTestId('tally')).toContainText(
    /(?:1 of \d+ people think|The one person who has ticked in this area thinks) this is in place/,
  )
  await expect(tickBox(pat.page, item)).toBeChecked()
  await chair.context.close()
  await pat.context.close()
})
