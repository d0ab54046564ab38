import { expect, test } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './support/api.ts'
import {
  boardTicks,
  goOffline,
  joinAs,
  privateTicks,
  storedPersonId,
  storedToken,
  tickBox,
} from './support/people.ts'

// A tick made offline on an area that went blind meanwhile cannot go onto the board: the server
// refuses it, and the browser says why, drops its local copy and carries on from the server's board.
test('a change the server refuses is explained, and the board reloads from the server', async ({
  browser,
  request,
}) => {
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const item = area.levels[0]!.items[0]!.id
  const { assessmentId, chairInvite } = await createAssessment(request, 'Refused offline tick', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Cal Chair',
    organisation: 'Hull ICB',
    group: 'ics',
  })
  const invite = await createInvite(
    request,
    assessmentId,
    await storedToken(chair.page, assessmentId),
    'participant',
  )
  const pat = await joinAs(browser, invite.path, {
    name: 'Pat Offline',
    organisation: 'Hull CVS',
    group: 'vcse',
  })
  const patId = await storedPersonId(pat.page, assessmentId)
  const areaPath = `/a/${assessmentId}/areas/${area.id}`
  await chair.page.goto(areaPath)
  await pat.page.goto(areaPath)
  await expect(pat.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')

  await goOffline(pat)
  await chair.page.getByRole('button', { name: `Start a blind round on ${area.id}` }).click()
  await tickBox(pat.page, item).check()
  await expect(pat.page.getByTestId('sync-state')).toContainText('Offline: 1 change waiting')

  await pat.context.setOffline(false)
  await expect(pat.page.getByTestId('refusal')).toContainText(
    'Your last change was not saved because this area is in a blind round',
  )
  await expect(pat.page.getByTestId('blind-notice')).toBeVisible()
  await expect(pat.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  await expect(tickBox(pat.page, item)).not.toBeChecked()
  expect(Object.keys(await boardTicks(chair.page))).not.toContain(`${patId}/${item}`)

  // Ticking again now goes to the private blind-round document, as it should.
  await tickBox(pat.page, item).check()
  await expect.poll(async () => Object.keys(await privateTicks(pat.page))).toContain(`${patId}/${item}`)
  await pat.page.getByRole('button', { name: 'Close this message' }).click()
  await expect(pat.page.getByTestId('refusal')).toHaveCount(0)
  await chair.context.close()
  await pat.context.close()
})
