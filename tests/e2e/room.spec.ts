import { expect, test, type WebSocketRoute } from '@playwright/test'
import type { FrameworkArea } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { goOffline } from './support/people.ts'
import { chairAndParticipant } from './support/room.ts'

// The room as several people see it at once: who is here, where they are, and going where the chair goes.

test('a person who drops offline for a few seconds is back in "people here" for everyone, without a reload', async ({
  browser,
  request,
}) => {
  const { framework, assessmentId, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'Presence after a dropped connection',
    {
      chair: { name: 'Chidi Chair', organisation: 'West Yorkshire ICB', group: 'ics' },
      participant: { name: 'Pat Partner', organisation: 'Voluntary Action Leeds', group: 'vcse' },
    },
  )
  const [first, second] = framework.phases[0]!.areas as [FrameworkArea, FrameworkArea]
  // A wifi drop leaves the server holding the old socket until its ping timeout: the close never
  // reaches it. Pat's board connections pass through here, and a close from Pat's side is not passed
  // on; the test ends those old sockets itself later, as the server's timeout would.
  const stale: WebSocketRoute[] = []
  await participant.page.routeWebSocket(/\/sync/, (ws) => {
    const server = ws.connectToServer()
    ws.onClose(async (code, reason) => {
      stale.push(server)
      await ws.close({ code, reason })
    })
    server.onClose((code, reason) => ws.close({ code, reason }))
  })
  for (const person of [chair, participant]) {
    await person.page.goto(`/a/${assessmentId}/areas/${first.id}`)
    await expect(person.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  }
  await expect(chair.page.getByTestId('area-presence')).toContainText('Pat Partner')

  const patIsOn = async (areaId: string) => {
    await chair.page.getByText('2 people here').click()
    await expect(chair.page.getByTestId('presence-list')).toContainText(
      `Pat Partner, VCSE – looking at ${areaId}`,
    )
    await chair.page.getByText('2 people here').click()
  }
  // Twice: the first return must leave nothing behind that spoils the second. Each time Pat moves
  // after coming back, so the chair is seen to get Pat's new presence, not the one left from before.
  for (const [goTo, link] of [
    [second.id, /Next area/],
    [first.id, /Previous area/],
  ] as const) {
    await goOffline(participant)
    await participant.context.setOffline(false)
    await expect(participant.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
    await participant.page.getByRole('link', { name: link }).click()
    await expect(participant.page).toHaveURL(new RegExp(`/areas/${goTo}$`))
    await patIsOn(goTo)
  }
  await expect(chair.page.getByTestId('area-presence')).toContainText('Pat Partner')

  // The server lets the old sockets go at last: Pat, connected all along on the new one, stays.
  expect(stale.length).toBeGreaterThan(0)
  for (const server of stale.splice(0)) await server.close()
  await participant.page.getByRole('link', { name: /Next area/ }).click()
  await patIsOn(second.id)
  await expect(chair.page.getByTestId('area-presence')).toHaveText('Nobody else is looking at this area.')
  await chair.page.getByText('2 people here').click()
  await expectNoViolations(chair.page, 'the people list after someone came back')
  for (const person of [chair, participant]) await person.context.close()
})

test('"Follow me": when the chair moves on with "Next area", the room goes too', async ({
  browser,
  request,
}) => {
  const { framework, assessmentId, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'Follow me with next area',
    {
      chair: { name: 'Chidi Chair', organisation: 'West Yorkshire ICB', group: 'ics' },
      participant: { name: 'Pat Partner', organisation: 'Voluntary Action Leeds', group: 'vcse' },
    },
  )
  const [first, second, third] = framework.phases[0]!.areas as [FrameworkArea, FrameworkArea, FrameworkArea]
  await chair.page.goto(`/a/${assessmentId}/areas/${first.id}`)
  await chair.page.getByRole('button', { name: `Bring everyone to ${first.id}` }).click()
  await expect(participant.page).toHaveURL(new RegExp(`/areas/${first.id}$`))
  await expect(chair.page.getByText('They go with you when you move to another area.')).toBeVisible()
  await expectNoViolations(chair.page, 'the chair leading the room')

  // The chair moves on with the pagination link, as in the walk-through, then again by keyboard.
  await chair.page.getByRole('link', { name: /Next area/ }).click()
  await expect(chair.page.getByRole('heading', { level: 1 })).toContainText(second.title)
  await expect(participant.page).toHaveURL(new RegExp(`/areas/${second.id}$`))
  await expect(participant.page.getByRole('heading', { level: 1 })).toContainText(second.title)
  await expect(
    participant.page.getByText(`You go where the chair takes everyone (now ${second.id}).`),
  ).toBeVisible()

  await chair.page.getByRole('link', { name: /Next area/ }).focus()
  await chair.page.keyboard.press('Enter')
  await expect(participant.page).toHaveURL(new RegExp(`/areas/${third.id}$`))

  // Once the chair lets everyone move freely, the chair's moves are their own again.
  await chair.page.getByRole('button', { name: 'Let everyone move freely' }).click()
  await chair.page.getByRole('link', { name: /Previous area/ }).click()
  await expect(chair.page.getByRole('heading', { level: 1 })).toContainText(second.title)
  await expect(
    participant.page.getByText('When the chair brings everyone to an area, you go there too.'),
  ).toBeVisible()
  await expect(participant.page).toHaveURL(new RegExp(`/areas/${third.id}$`))
  for (const person of [chair, participant]) await person.context.close()
})
