import { expect, type Page, test } from '@playwright/test'
import { allItems, createAssessment, createInvite, firstFramework } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { boardTicks, itemBlock, joinAs, storedPersonId, storedToken, tickBox } from './support/people.ts'

// An anonymous round in three browsers: the chair starts it, two participants tick, everyone sees
// counts by group, and no browser but the ticker's own ever holds who ticked, on the page or on the wire.
test('an anonymous round shows counts by group and nobody’s browser learns who ticked', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000)
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const items = allItems(area)
  const [item1, item2] = items as [string, string]
  const { assessmentId, chairInvite } = await createAssessment(
    request,
    'Anonymous round in Bradford',
    framework.id,
  )
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
    organisation: 'Bradford ICB',
    group: 'ics',
  })
  const vcse = await joinAs(browser, vcseInvite.path, {
    name: 'Vic VCSE',
    organisation: 'Bradford Community Trust',
    group: 'vcse',
  })
  const ids = {
    ics: await storedPersonId(ics.page, assessmentId),
    vcse: await storedPersonId(vcse.page, assessmentId),
  }
  const everyone = [chair, ics, vcse]
  // Every frame each browser receives from a fresh load on.
  const received = everyone.map((person) => recordFramesReceived(person.page))
  for (const person of everyone) {
    await person.page.reload()
    await expect(person.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  }

  await test.step('the chair starts an anonymous round and everyone is told what it means', async () => {
    await chair.page
      .getByRole('link', { name: new RegExp(`^${area.id} `) })
      .first()
      .click()
    await chair.page.getByRole('button', { name: `Bring everyone to ${area.id}` }).click()
    await chair.page.getByRole('button', { name: `Start an anonymous round on ${area.id}` }).click()
    for (const person of everyone) {
      await expect(person.page.getByTestId('anonymous-notice')).toContainText(
        'Anonymous round: the room sees how many in each group ticked, not who',
      )
    }
    await expect(
      chair.page.getByRole('button', { name: `End the anonymous round on ${area.id}` }),
    ).toBeVisible()
    await expectNoViolations(chair.page, 'the area with the chair’s anonymous round controls')
    await expectNoViolations(ics.page, 'the area in an anonymous round, as a participant')
  })

  await test.step('two participants tick and everyone sees the counts by group, live', async () => {
    await tickBox(ics.page, item1).check()
    await tickBox(ics.page, item2).check()
    await tickBox(vcse.page, item1).check()
    for (const person of everyone) {
      const first = itemBlock(person.page, item1)
      await expect(first.getByTestId('tally')).toContainText('2 of 2 people think this is in place')
      await expect(first.getByText('ICS: 1 of 1')).toBeVisible()
      await expect(first.getByText('VCSE: 1 of 1')).toBeVisible()
      await expect(itemBlock(person.page, item2).getByTestId('tally')).toContainText('1 of 2 people')
    }
    // Ines changes her mind; her own box follows and so does everyone's count.
    await tickBox(ics.page, item2).uncheck()
    for (const person of everyone)
      await expect(itemBlock(person.page, item2).getByTestId('tally')).toContainText(
        'Nobody has ticked this yet',
      )
    await expect(tickBox(ics.page, item1)).toBeChecked()
    await expect(tickBox(vcse.page, item2)).not.toBeChecked()
  })

  await test.step('nobody’s browser holds who ticked', async () => {
    for (const person of everyone) {
      const onBoard = Object.keys(await boardTicks(person.page))
      expect(onBoard.filter((key) => items.some((id) => key.endsWith(`/${id}`)))).toEqual([])
    }
    const pairs: Array<[string, Buffer[][]]> = [
      [ids.ics, [received[0]!, received[2]!]],
      [ids.vcse, [received[0]!, received[1]!]],
    ]
    for (const [personId, framesOfOthers] of pairs) {
      for (const frames of framesOfOthers) {
        expect(frames.length).toBeGreaterThan(0)
        const leaked = frames.filter(
          (frame) => frame.includes(personId) && items.some((itemId) => frame.includes(itemId)),
        )
        expect(leaked, `a frame with ${personId} and an item of ${area.id} reached another browser`).toEqual(
          [],
        )
      }
    }
  })

  await test.step('the chair ends the round: the counts stay and no ticks go onto the board', async () => {
    await chair.page.getByRole('button', { name: `End the anonymous round on ${area.id}` }).click()
    for (const person of everyone) {
      await expect(person.page.getByTestId('anonymous-notice')).toContainText(
        'The chair has ended the anonymous round',
      )
      await expect(itemBlock(person.page, item1).getByTestId('tally')).toContainText('2 of 2 people')
    }
    await expect(tickBox(ics.page, item1)).toBeDisabled()
    for (const person of everyone) {
      const onBoard = Object.keys(await boardTicks(person.page))
      expect(onBoard.filter((key) => items.some((id) => key.endsWith(`/${id}`)))).toEqual([])
    }
    await expectNoViolations(vcse.page, 'the area after its anonymous round ended')
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
