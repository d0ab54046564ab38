import { expect, type Page, test } from '@playwright/test'
import { tickBox } from './support/people.ts'
import { countRenders, rendersSince } from './support/renders.ts'
import { chairAndParticipant } from './support/room.ts'

// In a workshop the board changes on its own all the time without anything on it changing: someone's
// caret moves in the notes, someone opens another area, a laptop's wifi drops and comes back. Each of
// these must draw again only the part that shows it. They used to draw the whole board again on every
// device in the room (~100 ms of a finished board's one thread each time, BENCHMARKS.md, stop 26).

/** The room in both tests: a chair and one participant, each on their own device. */
const PEOPLE = {
  chair: { name: 'Cal Chair', organisation: 'Hull ICB', group: 'ics' },
  participant: { name: 'Pat Participant', organisation: 'Hull CVS', group: 'vcse' },
} as const

/** Lets React finish what it scheduled: two frames (its updates run as tasks, before the next frame). */
const settled = (page: Page) =>
  page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))')

test('a caret, someone moving and a dropped connection draw only what shows them', async ({
  browser,
  request,
}) => {
  const { framework, assessmentId, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'Redraws',
    PEOPLE,
  )
  const area = framework.phases[0]!.areas[0]!
  const page = participant.page
  await countRenders(page)
  await page.goto(`/a/${assessmentId}`)
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  await expect(page.getByText('2 people here')).toBeAttached()
  await settled(page)
  const opened = await rendersSince(page)
  // The whole overview is dozens of components: what "drawn again" is measured against.
  expect(opened.components).toBeGreaterThan(100)

  // The chair's caret moves in the notes: awareness that the board does not show.
  await chair.page.evaluate((note) => {
    const hooks = (globalThis as Record<string, unknown>).__coAssess as {
      provider: { awareness: { setLocalStateField(field: string, value: unknown): void } }
    }
    // A caret as the notes editor puts it in presence (the server passes nothing else on).
    const at = { type: null, tname: note, item: null, assoc: 0 }
    hooks.provider.awareness.setLocalStateField('cursor', { anchor: at, head: at })
  }, `note:${area.id}`)
  await page.waitForFunction(() => {
    const hooks = (globalThis as Record<string, unknown>).__coAssess as {
      provider: { awareness: { getStates(): Map<number, { cursor?: unknown }> } }
    }
    return [...hooks.provider.awareness.getStates().values()].some((state) => state.cursor)
  })
  await settled(page)
  const caret = await rendersSince(page)
  expect(caret.most, `a caret drew ${caret.most} components again`).toBeLessThanOrEqual(1)

  // The chair opens an area: the overview's count of who is looking there changes, and nothing else.
  await chair.page.getByRole('link', { name: new RegExp(`^${area.id} `) }).click()
  await expect(page.getByText('1 person looking')).toBeAttached()
  await settled(page)
  const moved = await rendersSince(page)
  // Each row's "people looking" is drawn again, and nothing else of the board.
  expect(moved.most, `someone moving drew ${moved.most} of ${moved.components} components`).toBeLessThan(
    opened.components / 2,
  )

  // The participant's wifi drops and comes back: the status says so, and the board stays as it is.
  await participant.context.setOffline(true)
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'offline')
  await participant.context.setOffline(false)
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  await settled(page)
  const reconnected = await rendersSince(page)
  // Each step (offline, connecting, others gone and back, saved) draws the status bar again.
  expect(
    reconnected.most,
    `a reconnect drew ${reconnected.most} of ${reconnected.components} components at once`,
  ).toBeLessThan(opened.components / 2)

  // What the board shows does change with a tick: then it is drawn again (the count is not blind).
  await tickBox(chair.page, area.levels[0]!.items[0]!.id).check()
  await page.waitForFunction(() => {
    const hooks = (globalThis as Record<string, unknown>).__coAssess as {
      doc: { getMap(name: string): { size: number } }
    }
    return hooks.doc.getMap('ticks').size > 0
  })
  await settled(page)
  const ticked = await rendersSince(page)
  expect(ticked.most).toBeGreaterThan(opened.components / 2)
  console.log(
    `components drawn again at once, of ${opened.components}: caret ${caret.most}, someone moving ${moved.most}, reconnect ${reconnected.most}, a tick ${ticked.most}`,
  )
  await chair.context.close()
  await participant.context.close()
})

// A reload draws the board once, with this device's copy (reload.spec.ts). What arrives after it, the
// assessment fetched afresh (the same as the copy) and the participant's name for comments posted
// without their name, must not draw it all again: each did, ~130 and ~150 components on the overview.
test('after a reload, what arrives with nothing new for the board draws nothing of it again', async ({
  browser,
  request,
}) => {
  const { assessmentId, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'Reload redraws',
    PEOPLE,
  )
  const page = participant.page
  await countRenders(page)
  const fresh = page.waitForResponse((r) => r.url().endsWith(`/api/assessments/${assessmentId}`))
  const alias = page.waitForResponse((r) =>
    r.url().endsWith(`/api/assessments/${assessmentId}/me/anonymous-name`),
  )
  await page.reload()
  await Promise.all([fresh, alias])
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  await settled(page)
  const { each, mounted, components } = await rendersSince(page)
  // The first commit draws the page; every later one draws again only what changed (the status,
  // presence). What is drawn for the first time after it (the overview's conversation) is not again.
  expect(mounted[0]).toBeGreaterThan(components / 2)
  const later = each.slice(1)
  expect(
    Math.max(0, ...later),
    `commits after the first drew ${JSON.stringify(later)} of ${components}`,
  ).toBeLessThan(components / 2)
  await chair.context.close()
  await participant.context.close()
})
