import { expect, test } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './support/api.ts'
import { joinAs, newPerson, storedToken } from './support/people.ts'
import { chairAndParticipant } from './support/room.ts'

test('a peer reviewer joins without choosing a group and reads the board', async ({ browser, request }) => {
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const { assessmentId, chairInvite } = await createAssessment(request, 'Peer reviewed', framework.id)
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Pam Chair',
    organisation: 'Leeds',
    group: 'ics',
  })
  const invite = await createInvite(
    request,
    assessmentId,
    await storedToken(chair.page, assessmentId),
    'peer-reviewer',
  )

  const reviewer = await newPerson(browser)
  await reviewer.page.goto(invite.path)
  await expect(reviewer.page.getByText('You are invited as a peer reviewer.')).toBeVisible()
  await expect(reviewer.page.getByRole('radio')).toHaveCount(0)
  await reviewer.page.getByLabel('Your name').fill('Rey Reviewer')
  await reviewer.page.getByLabel('Your organisation').fill('Humber and North Yorkshire ICB')
  await reviewer.page.getByRole('button', { name: 'Join the board' }).click()
  await expect(reviewer.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  await reviewer.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await expect(
    reviewer.page.getByText(/^As a peer reviewer you can see how the room counted each item/),
  ).toBeVisible()
  await expect(reviewer.page.getByRole('checkbox', { name: area.levels[0]!.items[0]!.text })).toHaveCount(0)
  await expect(reviewer.page.getByRole('textbox', { name: /Evidence notes/ })).toHaveAttribute(
    'contenteditable',
    'false',
  )
  await expect(chair.page.getByTestId('presence-list')).toContainText('Rey Reviewer')
  await expect(reviewer.page.getByTestId('refusal')).toHaveCount(0)
  await chair.context.close()
  await reviewer.context.close()
})

test('the chair’s timer counts down for everyone and says once, politely, when time is up', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000)
  const {
    framework,
    assessmentId,
    chair,
    participant: pat,
  } = await chairAndParticipant(browser, request, 'Timed', {
    chair: { name: 'Tim Chair', organisation: 'York', group: 'ics' },
    participant: { name: 'Pia Part', organisation: 'York CVS', group: 'vcse' },
  })
  const area = framework.phases[0]!.areas[0]!
  await chair.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await pat.page.goto(`/a/${assessmentId}/areas/${area.id}`)

  await chair.page.getByLabel('Minutes for this area').fill('0.5')
  await chair.page.getByRole('button', { name: 'Start timer' }).click()
  await expect(pat.page.getByRole('timer')).toHaveText(/^0:(30|29|28|27)$/)
  await expect(pat.page.getByTestId('announcer')).toContainText(`A 30 second timer started on ${area.id}.`)
  await expect(pat.page.getByRole('timer')).toHaveText('Time is up', { timeout: 40_000 })
  await expect(pat.page.getByTestId('announcer')).toHaveText(`Time is up for ${area.id}.`, {
    timeout: 10_000,
  })
  await chair.context.close()
  await pat.context.close()
})

test('a chair whose clock is slow and a participant whose clock is fast see the same time left', async ({
  browser,
  request,
}) => {
  const {
    framework,
    assessmentId,
    chair,
    participant: pat,
  } = await chairAndParticipant(browser, request, 'Skewed clocks', {
    chair: { name: 'Cal Chair', organisation: 'Hull', group: 'ics' },
    participant: { name: 'Pip Part', organisation: 'Hull CVS', group: 'vcse' },
  })
  const area = framework.phases[0]!.areas[0]!
  // The chair's browser clock runs 7 minutes behind the server's and Pip's 7 minutes ahead; both keep running.
  const skew = 7 * 60_000
  await chair.page.clock.install({ time: new Date(Date.now() - skew) })
  await pat.page.clock.install({ time: new Date(Date.now() + skew) })
  await chair.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await pat.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  // Wait until each browser has learned how far its clock is from the server's.
  const offset = (person: typeof chair) =>
    person.page.evaluate(
      () => (globalThis as { __coAssess?: { serverClockOffset: number } }).__coAssess?.serverClockOffset ?? 0,
    )
  await expect.poll(() => offset(chair)).toBeGreaterThan(skew - 60_000)
  await expect.poll(() => offset(pat)).toBeLessThan(-skew + 60_000)

  await chair.page.getByLabel('Minutes for this area').fill('10')
  await chair.page.getByRole('button', { name: 'Start timer' }).click()
  // On device clocks the chair's start is 14 minutes in Pip's past (time up for Pip), and a start
  // stamped in server time but counted on device clocks would leave the chair 3 minutes and Pip none.
  const aboutTenMinutes = /^(10:00|9:[0-5]\d)$/
  await expect(pat.page.getByRole('timer')).toHaveText(aboutTenMinutes)
  await expect(chair.page.getByRole('timer')).toHaveText(aboutTenMinutes)
  await chair.context.close()
  await pat.context.close()
})

test('a participant steps away from "follow me" and comes back, and projector mode makes type larger', async ({
  browser,
  request,
}) => {
  const {
    framework,
    assessmentId,
    chair,
    participant: pat,
  } = await chairAndParticipant(browser, request, 'Follow me', {
    chair: { name: 'Fay Chair', organisation: 'Leeds', group: 'ics' },
    participant: { name: 'Flo Part', organisation: 'Leeds CVS', group: 'vcse' },
  })
  const [first, second, third] = framework.phases[0]!.areas
  const following = pat.page.getByRole('checkbox', { name: 'Following the chair' })
  const bringEveryone = async (areaId: string) => {
    await chair.page.goto(`/a/${assessmentId}/areas/${areaId}`)
    await chair.page.getByRole('button', { name: `Bring everyone to ${areaId}` }).click()
  }
  await expect(pat.page.getByTestId('sync-state')).toContainText('Sync status:')

  // Following is the default: the chair brings everyone to the first area and Flo goes there.
  await expect(following).toBeChecked()
  await bringEveryone(first!.id)
  await expect(pat.page).toHaveURL(new RegExp(`/areas/${first!.id}$`))

  // Moving on by hand is stepping away: Flo stays put when the chair moves everyone on.
  await pat.page.getByRole('link', { name: 'Next area' }).click()
  await expect(pat.page).toHaveURL(new RegExp(`/areas/${second!.id}$`))
  await expect(following).not.toBeChecked()
  await bringEveryone(third!.id)
  await expect(
    pat.page.getByText(`The chair is on ${third!.id}. Tick to go there and follow again.`),
  ).toBeVisible()
  await expect(pat.page).toHaveURL(new RegExp(`/areas/${second!.id}$`))

  // Coming back takes Flo to where the chair is, and the next "follow me" moves Flo again.
  await following.check()
  await expect(pat.page).toHaveURL(new RegExp(`/areas/${third!.id}$`))
  await bringEveryone(first!.id)
  await expect(pat.page).toHaveURL(new RegExp(`/areas/${first!.id}$`))
  await expect(following).toBeChecked()

  // Projector mode: one name, its state in aria-pressed, larger type, remembered on this device.
  const projector = pat.page.getByRole('button', { name: 'Projector mode', exact: true })
  const heading = pat.page.getByRole('heading', { level: 1 })
  type Styled = { ownerDocument: { defaultView: { getComputedStyle(e: unknown): { fontSize: string } } } }
  const fontSize = async () =>
    Number.parseFloat(
      await heading.evaluate(
        (el) => (el as unknown as Styled).ownerDocument.defaultView.getComputedStyle(el).fontSize,
      ),
    )
  await expect(projector).toHaveAttribute('aria-pressed', 'false')
  const normal = await fontSize()
  await projector.click()
  await expect(projector).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(fontSize).toBeGreaterThan(normal * 1.2)
  await pat.page.reload()
  await expect(projector).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(fontSize).toBeGreaterThan(normal * 1.2)
  await projector.click()
  await expect(projector).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(fontSize).toBe(normal)
  await chair.context.close()
  await pat.context.close()
})
