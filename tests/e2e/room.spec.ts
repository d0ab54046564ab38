import { expect, test, type WebSocketRoute } from '@playwright/test'
import { createInvite, type FrameworkArea } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { goOffline, itemBlock, newPerson, skipEqualityQuestions, tickBox } from './support/people.ts'
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
    await chair.page.getByText('2 people here', { exact: true }).click()
    await expect(chair.page.getByTestId('presence-list')).toContainText(
      `Pat Partner, VCSE – looking at ${areaId}`,
    )
    await chair.page.getByText('2 people here', { exact: true }).click()
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
  await chair.page.getByText('2 people here', { exact: true }).click()
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

test('offline, one tick and one sentence of notes are "2 changes waiting", not one per keystroke', async ({
  browser,
  request,
}) => {
  const { framework, assessmentId, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'Counting changes as a person would',
    {
      chair: { name: 'Chidi Chair', organisation: 'West Yorkshire ICB', group: 'ics' },
      participant: { name: 'Pat Partner', organisation: 'Voluntary Action Leeds', group: 'vcse' },
    },
  )
  const area = framework.phases[0]!.areas[0]!
  const item = area.levels[0]!.items[0]!.id
  await participant.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await expect(participant.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  await goOffline(participant)
  await tickBox(participant.page, item).check()
  await expect(participant.page.getByTestId('sync-state')).toContainText('Offline: 1 change waiting')
  await participant.page.getByRole('textbox', { name: /Evidence notes/ }).click()
  await participant.page.keyboard.type('The panel meets every month and reports to the board.')
  await expect(participant.page.getByTestId('sync-state')).toContainText('Offline: 2 changes waiting')
  await expect(participant.page.getByTestId('sync-state')).toContainText(
    'Your 2 changes are kept on this device and will be sent when the connection returns.',
  )
  await expectNoViolations(participant.page, 'the board offline with changes waiting')
  await participant.context.setOffline(false)
  await expect(participant.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  await chair.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await expect(chair.page.getByTestId('notes')).toContainText('The panel meets every month')
  for (const person of [chair, participant]) await person.context.close()
})

test('when the timer runs out, "Time is up" stands out a while, then a calm line the chair can clear', async ({
  browser,
  request,
}) => {
  const { framework, assessmentId, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'A timer that ends',
    {
      chair: { name: 'Chidi Chair', organisation: 'West Yorkshire ICB', group: 'ics' },
      participant: { name: 'Pat Partner', organisation: 'Voluntary Action Leeds', group: 'vcse' },
    },
  )
  const area = framework.phases[0]!.areas[0]!
  const everyone = [chair, participant]
  for (const person of everyone) {
    await person.page.goto(`/a/${assessmentId}/areas/${area.id}`)
    await expect(person.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  }
  // The shortest timer there is, run for real: a page clock moved on by the test would be put right
  // again by the board's next look at the server's clock.
  await chair.page.getByLabel('Minutes for this area').fill('0.5')
  await chair.page.getByRole('button', { name: 'Start timer' }).click()
  await expect(participant.page.getByRole('timer')).toHaveText(/^0:[0-3]\d$/)
  for (const person of everyone)
    await expect(person.page.getByRole('timer')).toHaveText('Time is up', { timeout: 45_000 })
  for (const person of everyone) {
    await expect(person.page.getByTestId('timer')).toContainText(/^Time ended at \d{2}:\d{2}\./, {
      timeout: 45_000,
    })
    await expect(person.page.getByRole('timer')).toHaveCount(0)
  }
  await expect(participant.page.getByRole('button', { name: 'Clear the timer' })).toHaveCount(0)
  await expectNoViolations(chair.page, 'an area whose timer has ended')
  await chair.page.getByRole('button', { name: 'Clear the timer' }).click()
  for (const person of everyone) await expect(person.page.getByTestId('timer')).toHaveCount(0)
  await expect(chair.page.getByTestId('announcer')).toContainText(`Timer cleared on ${area.id}.`)
  for (const person of everyone) await person.context.close()
})

test("projector mode is the room's view: the area, its counts and timer, with no controls, invites or names", async ({
  browser,
  request,
}) => {
  const { framework, assessmentId, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'The room on a projector',
    {
      chair: { name: 'Chidi Chair', organisation: 'West Yorkshire ICB', group: 'ics' },
      participant: { name: 'Pat Partner', organisation: 'Voluntary Action Leeds', group: 'vcse' },
    },
  )
  const [first, second] = framework.phases[0]!.areas as [FrameworkArea, FrameworkArea]
  const item = first.levels[0]!.items[0]!.id
  // The chair's second device, the projector, signed in as the chair like the laptop.
  const projector = await chair.context.newPage()
  await projector.goto(`/a/${assessmentId}`)
  await expect(projector.getByRole('heading', { name: 'Chair console' })).toBeVisible()
  await projector.getByRole('button', { name: 'Projector mode' }).click()
  await expect(projector.getByRole('button', { name: 'Projector mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(projector.getByRole('heading', { name: 'Chair console' })).toHaveCount(0)
  await expect(projector.getByRole('table')).toHaveCount(0)
  await expect(projector.getByText('Your mentions')).toHaveCount(0)
  await expectNoViolations(projector, 'the overview in projector mode')

  // The laptop was open before: projector mode is remembered on the device, so it reads it only on a reload.
  await chair.page
    .getByRole('link', { name: new RegExp(`^${first.id} `) })
    .first()
    .click()
  await chair.page.getByRole('button', { name: `Bring everyone to ${first.id}` }).click()
  await expect(projector).toHaveURL(new RegExp(`/areas/${first.id}$`))
  await tickBox(participant.page, item).check()
  await chair.page.getByLabel('Minutes for this area').fill('10')
  await chair.page.getByRole('button', { name: 'Start timer' }).click()

  await expect(projector.getByRole('timer')).toBeVisible()
  await expect(itemBlock(projector, item).getByTestId('tally')).toContainText('1 of 1')
  await expect(projector.getByTestId('audience-note')).toHaveText(
    "Projector view: the room's counts and the timer. Names, comments and controls are not shown.",
  )
  // Nothing to press, nobody's name, no one's own ticks.
  await expect(projector.getByRole('checkbox')).toHaveCount(0)
  await expect(
    projector.getByRole('button', { name: /Record agreed level|Start timer|Stop timer|Reveal/ }),
  ).toHaveCount(0)
  await expect(projector.getByRole('textbox')).toHaveCount(0)
  const seen = (await projector.locator('body').textContent()) ?? ''
  for (const words of ['Pat Partner', 'Chidi Chair', 'Voluntary Action Leeds', 'people here', 'You are']) {
    expect(seen, `the projector shows "${words}"`).not.toContain(words)
  }
  await expectNoViolations(projector, 'an area in projector mode')

  // The projector goes where the chair takes the room.
  await chair.page.getByRole('link', { name: /Next area/ }).click()
  await expect(projector).toHaveURL(new RegExp(`/areas/${second.id}$`))
  await expect(projector.getByRole('heading', { level: 1 })).toContainText(second.title)
  // Turned off, it is the chair's board again.
  await projector.getByRole('button', { name: 'Projector mode' }).click()
  await expect(projector.getByRole('heading', { name: 'Chair console' })).toBeVisible()
  for (const person of [chair, participant]) await person.context.close()
})

test('"Your mentions" is one click away on every area, not only on the overview', async ({
  browser,
  request,
}) => {
  const { framework, assessmentId, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'Mentions on every area',
    {
      chair: { name: 'Chidi Chair', organisation: 'West Yorkshire ICB', group: 'ics' },
      participant: { name: 'Pat Partner', organisation: 'Voluntary Action Leeds', group: 'vcse' },
    },
  )
  const [first, second] = framework.phases[0]!.areas as [FrameworkArea, FrameworkArea]
  await participant.page.goto(`/a/${assessmentId}/areas/${first.id}`)
  await chair.page.goto(`/a/${assessmentId}/areas/${second.id}`)
  await expect(chair.page.getByText('Your mentions (none)')).toBeVisible()

  await participant.page.getByRole('textbox', { name: 'Your comment' }).click()
  await participant.page.keyboard.type('Could the chair bring the minutes? Ask ')
  await participant.page.keyboard.type('@Chidi')
  await expect(participant.page.getByTestId('mention-list')).toContainText('Chidi Chair')
  await participant.page.keyboard.press('Enter')
  await participant.page.getByRole('button', { name: 'Add comment' }).click()

  // The chair, on another area, opens the mentions there and follows the link to the comment's area.
  await chair.page.getByText('Your mentions (1)').click()
  const mentions = chair.page.getByTestId('mentions')
  await expect(mentions).toContainText(
    `Pat Partner mentioned you on area ${first.id}: “Could the chair bring the minutes?`,
  )
  await expectNoViolations(chair.page, 'an area with your mentions open')
  await mentions.getByRole('link', { name: `area ${first.id}` }).click()
  await expect(chair.page.getByRole('heading', { level: 1 })).toContainText(first.title)
  for (const person of [chair, participant]) await person.context.close()
})

test('organisation is optional: left blank, the person is "Maria Lopez" alone in comments and mentions', async ({
  browser,
  request,
}) => {
  const { framework, assessmentId, chair, chairToken } = await chairAndParticipant(
    browser,
    request,
    'No organisation needed',
    {
      chair: { name: 'Chidi Chair', organisation: 'West Yorkshire ICB', group: 'ics' },
      participant: { name: 'Pat Partner', organisation: 'Voluntary Action Leeds', group: 'vcse' },
    },
  )
  const area = framework.phases[0]!.areas[0]!
  const invite = await createInvite(request, assessmentId, chairToken, 'participant')
  const { context, page } = await newPerson(browser)
  await page.goto(invite.path)
  await expect(page.getByLabel('Your organisation (optional)')).toBeVisible()
  await expect(page.getByText('Leave this blank if you are not here for an organisation')).toBeVisible()
  await page.getByLabel('Your name').fill('Maria Lopez')
  await page.getByRole('radio', { name: /Lived experience/ }).check()
  await page.getByRole('button', { name: 'Join the board' }).click()
  await skipEqualityQuestions(page)
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')

  await page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await page.getByRole('textbox', { name: 'Your comment' }).click()
  await page.keyboard.type('We need carers on the panel.')
  await page.getByRole('button', { name: 'Add comment' }).click()
  await chair.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  const byLine = chair.page
    .getByTestId('thread')
    .filter({ hasText: 'We need carers on the panel.' })
    .locator('.co-comment__by')
  await expect(byLine).toContainText('Maria Lopez.')
  await expect(byLine).not.toContainText('Maria Lopez,')
  await expect(byLine).not.toContainText('no organisation')
  // In the chair's mention picker too.
  await chair.page.getByRole('textbox', { name: 'Your comment' }).click()
  await chair.page.keyboard.type('@Mar')
  await expect(chair.page.getByTestId('mention-list')).toContainText('Maria Lopez')
  await expect(chair.page.getByTestId('mention-list')).not.toContainText('Maria Lopez,')
  await expectNoViolations(chair.page, 'a comment by someone with no organisation')
  await context.close()
  await chair.context.close()
})

test('peer reviewers and observers are told what they can do, and not that others will see a group they never give', async ({
  browser,
  request,
}) => {
  const { framework, assessmentId, chair, chairToken } = await chairAndParticipant(
    browser,
    request,
    'Reviewers and observers',
    {
      chair: { name: 'Chidi Chair', organisation: 'West Yorkshire ICB', group: 'ics' },
      participant: { name: 'Pat Partner', organisation: 'Voluntary Action Leeds', group: 'vcse' },
    },
  )
  const area = framework.phases[0]!.areas[0]!
  for (const [role, name, overview, checklist] of [
    [
      'peer-reviewer',
      'Rey Reviewer',
      'Choose an area to see how the room counted each item, comment on items and the area, and suggest a level for the area.',
      'As a peer reviewer you can see how the room counted each item, comment on items and the area, and suggest a level for the area. Ticking is for the people taking part.',
    ],
    [
      'observer',
      'Oli Observer',
      'Choose an area to follow how the room counts each item, where groups agree and disagree, and the discussion.',
      'As an observer you can follow the counts for each item and read the discussion. Ticking is for the people taking part.',
    ],
  ] as const) {
    const invite = await createInvite(request, assessmentId, chairToken, role)
    const { context, page } = await newPerson(browser)
    await page.goto(invite.path)
    await expect(
      page.getByText('Others on the board will see your name and organisation next to what you do.'),
    ).toBeVisible()
    await expect(page.getByText(/see your name, organisation and group/)).toHaveCount(0)
    await expect(page.getByRole('radio')).toHaveCount(0)
    await page.getByText('What happens to what you share').click()
    await expect(page.getByTestId('what-we-keep')).not.toContainText('group you give')
    await expectNoViolations(page, `the ${role} join page`)
    await page.getByLabel('Your name').fill(name)
    await page.getByRole('button', { name: 'Join the board' }).click()
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
    await expect(page.getByText(overview)).toBeVisible()
    await expect(page.getByText(/tick the items you believe/)).toHaveCount(0)
    await page.goto(`/a/${assessmentId}/areas/${area.id}`)
    await expect(page.getByText(checklist)).toBeVisible()
    await context.close()
  }
  await chair.context.close()
})

test('dates read in plain English on the action card, for everyone', async ({ browser, request }) => {
  const { chair, participant } = await chairAndParticipant(browser, request, 'Dates in words', {
    chair: { name: 'Chidi Chair', organisation: 'West Yorkshire ICB', group: 'ics' },
    participant: { name: 'Pat Partner', organisation: 'Voluntary Action Leeds', group: 'vcse' },
  })
  const said = 'Hold the sessions near the bus routes'
  await chair.page.getByLabel('You said: what people raised').fill(said)
  await chair.page.getByRole('button', { name: 'Propose action' }).click()
  const card = chair.page.getByTestId('action').filter({ hasText: said })
  await card.getByRole('button', { name: 'Update this action' }).click()
  await card.getByLabel('Due date').fill('2027-01-31')
  await card.getByRole('button', { name: 'Save action' }).click()
  for (const person of [chair, participant]) {
    const seen = person.page.getByTestId('action').filter({ hasText: said })
    await expect(seen).toContainText('31 January 2027')
    await expect(seen).not.toContainText('2027-01-31')
  }
  await expectNoViolations(participant.page, 'an action with a due date')
  // The report's Word file under a name for people: tests/e2e/reportsPage.spec.ts saves it as an observer.
  for (const person of [chair, participant]) await person.context.close()
})
