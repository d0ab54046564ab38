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
import { chairAndParticipant } from './support/room.ts'

// A tick made offline on an area that went blind meanwhile cannot go onto the board: the server
// refuses it, and the browser says why, drops its local copy and carries on from the server's board,
// putting the person's own work back: the refused tick goes to their private blind-round document.
test('a change the server refuses is explained, and the board reloads from the server', async ({
  browser,
  request,
}) => {
  const {
    framework,
    assessmentId,
    chair,
    participant: pat,
  } = await chairAndParticipant(browser, request, 'Refused offline tick', {
    chair: { name: 'Cal Chair', organisation: 'Hull ICB', group: 'ics' },
    participant: { name: 'Pat Offline', organisation: 'Hull CVS', group: 'vcse' },
  })
  const area = framework.phases[0]!.areas[0]!
  const item = area.levels[0]!.items[0]!.id
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
    'A change you made was not saved because this area is in a blind round',
  )
  await expect(pat.page.getByTestId('refusal')).toContainText(
    '1 tick (1 kept private until the chair reveals the blind round)',
  )
  await expect(pat.page.getByTestId('blind-notice')).toBeVisible()
  await expect(pat.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  // The tick is kept, privately, as if it had been made after the round started.
  await expect.poll(async () => Object.keys(await privateTicks(pat.page))).toContain(`${patId}/${item}`)
  await expect(tickBox(pat.page, item)).toBeChecked()
  expect(Object.keys(await boardTicks(chair.page))).not.toContain(`${patId}/${item}`)
  await pat.page.getByRole('button', { name: 'Close this message' }).click()
  await expect(pat.page.getByTestId('refusal')).toHaveCount(0)
  await chair.context.close()
  await pat.context.close()
})

// The usual way a refusal happens: several changes made offline go up together, and one of them is no
// longer allowed. The others must still reach everyone; only the refused one is held back.
test('other changes made offline survive a refusal and reach everyone else', async ({ browser, request }) => {
  const framework = await firstFramework(request)
  const blindArea = framework.phases[0]!.areas[0]!
  const openArea = framework.phases[0]!.areas[1]!
  const blindItem = blindArea.levels[0]!.items[0]!.id
  const openItem = openArea.levels[0]!.items[0]!.id
  const { assessmentId, chairInvite } = await createAssessment(request, 'Kept offline work', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Cal Chair',
    organisation: 'Hull ICB',
    group: 'ics',
  })
  const chairToken = await storedToken(chair.page, assessmentId)
  const pat = await joinAs(
    browser,
    (await createInvite(request, assessmentId, chairToken, 'participant')).path,
    {
      name: 'Pat Offline',
      organisation: 'Hull CVS',
      group: 'vcse',
    },
  )
  const vic = await joinAs(
    browser,
    (await createInvite(request, assessmentId, chairToken, 'participant')).path,
    {
      name: 'Vic Watcher',
      organisation: 'Hull Lived Experience Panel',
      group: 'lived-experience',
    },
  )
  const patId = await storedPersonId(pat.page, assessmentId)
  await chair.page.goto(`/a/${assessmentId}/areas/${blindArea.id}`)
  await pat.page.goto(`/a/${assessmentId}/areas/${blindArea.id}`)
  await expect(pat.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')

  await goOffline(pat)
  await chair.page.getByRole('button', { name: `Start a blind round on ${blindArea.id}` }).click()
  // Pat cannot know the round started: one tick here, then on to the next area for a tick and a note.
  await tickBox(pat.page, blindItem).check()
  await pat.page.locator('a[rel="next"]').click()
  await expect(pat.page).toHaveURL(new RegExp(`/areas/${openArea.id}$`))
  await tickBox(pat.page, openItem).check()
  await pat.page.getByRole('textbox', { name: /Evidence notes/ }).click()
  await pat.page.keyboard.type('Written on the train with no signal.')
  await expect(pat.page.getByTestId('sync-state')).toContainText('Offline')

  await pat.context.setOffline(false)
  const notice = pat.page.getByTestId('refusal')
  await expect(notice).toContainText('A change you made was not saved because this area is in a blind round')
  await expect(notice).toContainText('2 ticks (1 kept private until the chair reveals the blind round)')
  await expect(notice).toContainText(`your evidence notes for ${openArea.id}`)
  await expect(pat.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')

  // Another person's browser has the open-area tick and the note; the blind-area tick stays private.
  await vic.page.goto(`/a/${assessmentId}/areas/${openArea.id}`)
  await expect(vic.page.getByTestId('notes')).toContainText('Written on the train with no signal.')
  await expect.poll(async () => (await boardTicks(vic.page))[`${patId}/${openItem}`]?.ticked).toBe(true)
  expect(Object.keys(await boardTicks(vic.page))).not.toContain(`${patId}/${blindItem}`)
  expect(Object.keys(await privateTicks(pat.page))).toContain(`${patId}/${blindItem}`)

  // At the reveal the kept private tick joins the board like everyone else's.
  await chair.page.getByRole('button', { name: `Reveal ticks for ${blindArea.id}` }).click()
  await expect.poll(async () => (await boardTicks(vic.page))[`${patId}/${blindItem}`]?.ticked).toBe(true)
  await chair.context.close()
  await pat.context.close()
  await vic.context.close()
})
