import { expect, type Page, test } from '@playwright/test'
import { allItems, createAssessment, createInvite, firstFramework } from './support/api.ts'
import {
  boardTicks,
  goOffline,
  itemBlock,
  joinAs,
  privateTicks,
  storedPersonId,
  storedToken,
  tickBox,
} from './support/people.ts'

// A whole workshop in three browsers at once: a chair, an ICS participant and a VCSE participant.
test('a chair, an ICS participant and a VCSE partner assess an area together, live', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000)
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const items = allItems(area)
  const [item1, item2, item3, item4, item5] = items as [string, string, string, string, string]
  const { assessmentId, chairInvite } = await createAssessment(request, 'Workshop in Leeds', framework.id)

  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Chidi Chair',
    organisation: 'West Yorkshire ICB',
    group: 'ics',
  })
  const chairToken = await storedToken(chair.page, assessmentId)
  const [icsInvite, vcseInvite] = await Promise.all([
    createInvite(request, assessmentId, chairToken, 'participant'),
    createInvite(request, assessmentId, chairToken, 'participant'),
  ])
  const ics = await joinAs(browser, icsInvite.path, {
    name: 'Ines ICS',
    organisation: 'Leeds ICB',
    group: 'ics',
  })
  const vcse = await joinAs(browser, vcseInvite.path, {
    name: 'Vic VCSE',
    organisation: 'Voluntary Action Leeds',
    group: 'vcse',
  })
  const icsId = await storedPersonId(ics.page, assessmentId)
  const vcseId = await storedPersonId(vcse.page, assessmentId)
  const everyone = [chair, ics, vcse]
  // Every WebSocket frame the chair's and Vic's browsers receive, from a fresh load on, so the blind
  // round can check what reached them over the wire, not only what their pages show.
  const others = [chair, vcse]
  const received = others.map((person) => recordFramesReceived(person.page))
  for (const person of others) {
    await person.page.reload()
    await expect(person.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  }

  await test.step('the chair brings everyone to the area', async () => {
    await chair.page
      .getByRole('link', { name: new RegExp(`^${area.id} `) })
      .first()
      .click()
    await expect(chair.page.getByRole('heading', { level: 1 })).toContainText(area.title)
    await chair.page.getByRole('button', { name: `Bring everyone to ${area.id}` }).click()
    for (const person of [ics, vcse]) {
      await expect(person.page).toHaveURL(new RegExp(`/a/${assessmentId}/areas/${area.id}$`))
      await expect(person.page.getByRole('heading', { level: 1 })).toContainText(area.title)
    }
    await expect(chair.page.getByTestId('area-presence')).toContainText('Ines ICS')
    await expect(chair.page.getByTestId('area-presence')).toContainText('Vic VCSE')
  })

  await test.step('ticks appear for the others, split by group, with disagreement marked', async () => {
    await tickBox(ics.page, item1).check()
    await tickBox(ics.page, item2).check()
    await tickBox(vcse.page, item2).check()
    for (const person of everyone) {
      const first = itemBlock(person.page, item1)
      await expect(first.getByTestId('tally')).toContainText('1 of 2 people think this is in place')
      await expect(first.getByText('ICS: 1 of 1')).toBeVisible()
      await expect(first.getByText('VCSE: 0 of 1')).toBeVisible()
      await expect(first.getByTestId('disagreement')).toContainText(
        'Groups disagree: the one ICS person says it is in place; the one VCSE partner does not.',
      )
      const second = itemBlock(person.page, item2)
      await expect(second.getByTestId('tally')).toContainText('2 of 2 people think this is in place')
      await expect(second.getByTestId('disagreement')).toHaveCount(0)
    }
    await expect(chair.page.getByTestId('suggested-level')).not.toContainText('No suggestion yet')
  })

  await test.step('a note written by one person appears for the others', async () => {
    const editor = ics.page.getByRole('textbox', { name: /Evidence notes/ })
    await editor.click()
    await ics.page.keyboard.type('Community panels meet monthly in Harehills.')
    await expect(vcse.page.getByTestId('notes')).toContainText('Community panels meet monthly in Harehills.')
    await expect(chair.page.getByTestId('notes')).toContainText('Community panels meet monthly in Harehills.')
  })

  await test.step('a blind round keeps ticks private until the chair reveals them', async () => {
    await chair.page.getByRole('button', { name: `Start a blind round on ${area.id}` }).click()
    for (const person of everyone) {
      await expect(person.page.getByTestId('blind-notice')).toContainText(
        'Blind round: your ticks are private until the chair reveals them',
      )
      await expect(itemBlock(person.page, item1).getByTestId('tally')).toHaveCount(0)
    }
    await tickBox(ics.page, item3).check()
    await expect(tickBox(ics.page, item3)).toBeChecked()
    const blindKey = `${icsId}/${item3}`
    await expect.poll(async () => Object.keys(await privateTicks(ics.page))).toContain(blindKey)
    // Let anything that might leak have time to arrive, then check what the other browsers hold.
    await expect(ics.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
    await vcse.page.waitForTimeout(1000)
    for (const other of [chair, vcse]) {
      expect(Object.keys(await boardTicks(other.page))).not.toContain(blindKey)
      await expect(itemBlock(other.page, item3)).toContainText('Counts hidden until the chair reveals them')
    }
    expect(Object.keys(await boardTicks(ics.page))).not.toContain(blindKey)
    // Yjs updates carry map keys as UTF-8, so a leaked tick would show as these bytes in some frame.
    const keyBytes = Buffer.from(blindKey, 'utf8')
    const receivedBeforeReveal = received.map((frames) => frames.length)
    for (const [i, frames] of received.entries()) {
      expect(frames.length, `${others[i]!.name}'s browser received frames`).toBeGreaterThan(0)
      const leaked = frames.filter((frame) => frame.includes(keyBytes))
      expect(leaked, `frames with the blind tick's key reached ${others[i]!.name} before the reveal`).toEqual(
        [],
      )
    }

    await chair.page.getByRole('button', { name: `Reveal ticks for ${area.id}` }).click()
    for (const person of everyone) {
      await expect(person.page.getByTestId('blind-notice')).toHaveCount(0)
      await expect.poll(async () => (await boardTicks(person.page))[blindKey]?.ticked).toBe(true)
      await expect(itemBlock(person.page, item3).getByTestId('tally')).toContainText('1 of 2 people')
    }
    await expect(tickBox(ics.page, item3)).toBeChecked()
    await expect.poll(async () => Object.keys(await privateTicks(ics.page))).not.toContain(blindKey)
    // The same search finds the tick once revealed: the check above could have caught a leak.
    for (const [i, frames] of received.entries()) {
      expect(frames.slice(receivedBeforeReveal[i]).some((frame) => frame.includes(keyBytes))).toBe(true)
    }
  })

  await test.step('the chair records the agreed level with its rationale', async () => {
    const form = chair.page.getByTestId('record-level')
    await form.getByRole('radio', { name: framework.levels[0]!.label, exact: true }).check()
    await form
      .getByLabel('Rationale')
      .fill('Panels are in place but VCSE partners are not yet involved in design.')
    await form.getByLabel('Dissent (optional)').fill('VCSE partners think the panels are not representative.')
    await form.getByRole('button', { name: 'Record agreed level' }).click()
    for (const person of everyone) {
      await expect(person.page.getByTestId('agreed-level')).toHaveText(framework.levels[0]!.label)
      await expect(person.page.getByTestId('level-panel')).toContainText('VCSE partners are not yet involved')
    }
  })

  await test.step('one person goes offline, keeps ticking, and everyone converges when they return', async () => {
    await goOffline(vcse)
    await tickBox(vcse.page, item4).check()
    await expect(vcse.page.getByTestId('sync-state')).toContainText(/Offline: \d+ changes? waiting/)
    await tickBox(ics.page, item5).check()
    await expect.poll(async () => (await boardTicks(chair.page))[`${icsId}/${item5}`]?.ticked).toBe(true)
    expect((await boardTicks(chair.page))[`${vcseId}/${item4}`]).toBeUndefined()

    await vcse.context.setOffline(false)
    await expect(vcse.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
    const reference = async (page: Page) => JSON.stringify(sortKeys(await boardTicks(page)))
    await expect.poll(async () => (await boardTicks(chair.page))[`${vcseId}/${item4}`]?.ticked).toBe(true)
    await expect
      .poll(async () => new Set(await Promise.all(everyone.map((p) => reference(p.page)))).size)
      .toBe(1)
    const ticks = await boardTicks(chair.page)
    // Nothing lost or doubled: one entry per person and item.
    expect(Object.keys(ticks).sort()).toEqual(
      [
        `${icsId}/${item1}`,
        `${icsId}/${item2}`,
        `${icsId}/${item3}`,
        `${icsId}/${item5}`,
        `${vcseId}/${item2}`,
        `${vcseId}/${item4}`,
      ].sort(),
    )
    for (const person of everyone) {
      await expect(itemBlock(person.page, item4).getByTestId('tally')).toContainText('1 of 2 people')
      await expect(itemBlock(person.page, item5).getByTestId('tally')).toContainText('1 of 2 people')
    }
  })

  for (const person of everyone) await person.context.close()
})

/** Collects, as bytes, every WebSocket frame the page receives on sockets it opens from now on. */
function recordFramesReceived(page: Page): Buffer[] {
  const frames: Buffer[] = []
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) =>
      frames.push(typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload),
    ),
  )
  return frames
}

function sortKeys<T>(record: Record<string, T>): Array<[string, T]> {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b))
}
