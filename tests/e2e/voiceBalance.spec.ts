import { expect, test } from '@playwright/test'
import { allItems, createAssessment, createInvite, firstFramework } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { boardTicks, itemBlock, joinAs, storedPersonId, storedToken, tickBox } from './support/people.ts'

// Voice balance with four people at once: a chair (in the ICS group), a VCSE partner and a person
// with lived experience. The chair sees who has not ticked the area in view, each group's share of
// what has been said, and during a blind round only how many have ticked; nobody else sees any of it.
test('the chair sees whose voice is heard, who has not ticked yet, and in a blind round only how many', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000)
  const framework = await firstFramework(request)
  const area = framework.phases[0]!.areas[0]!
  const blindArea = framework.phases[0]!.areas[1]!
  const [item1, item2] = allItems(area) as [string, string]
  const [blindItem] = allItems(blindArea) as [string]
  const { assessmentId, chairInvite } = await createAssessment(
    request,
    'Voice balance in Leeds',
    framework.id,
  )
  const chair = await joinAs(browser, chairInvite.path, {
    name: 'Chidi Chair',
    organisation: 'West Yorkshire ICB',
    group: 'ics',
  })
  const chairToken = await storedToken(chair.page, assessmentId)
  const [vcseInvite, livedInvite] = await Promise.all([
    createInvite(request, assessmentId, chairToken, 'participant'),
    createInvite(request, assessmentId, chairToken, 'participant'),
  ])
  const vcse = await joinAs(browser, vcseInvite.path, {
    name: 'Vic VCSE',
    organisation: 'Leeds Community Trust',
    group: 'vcse',
  })
  const lived = await joinAs(browser, livedInvite.path, {
    name: 'Lena Lived',
    organisation: 'Harehills residents',
    group: 'lived-experience',
  })
  const livedId = await storedPersonId(lived.page, assessmentId)
  const participants = [vcse, lived]
  const panel = chair.page.getByTestId('voice-balance')

  await test.step('the chair sees that nobody has ticked the area yet, by name', async () => {
    await chair.page
      .getByRole('link', { name: new RegExp(`^${area.id} `) })
      .first()
      .click()
    await chair.page.getByRole('button', { name: `Bring everyone to ${area.id}` }).click()
    for (const person of participants)
      await expect(person.page.getByRole('heading', { level: 1 })).toContainText(area.title)
    await expect(panel.getByTestId('ticking-count')).toHaveText('0 of 3 people here have ticked this area.')
    await expect(panel.getByTestId('not-ticked-yet')).toHaveText(
      'Not ticked yet: Chidi Chair (ICS), Lena Lived (Lived experience), Vic VCSE (VCSE).',
    )
    await expect(chair.page.getByTestId('area-ticking')).toHaveText('Nobody has ticked in this area yet.')
    // Names of who has not ticked are the chair's alone.
    for (const person of participants) await expect(person.page.getByTestId('voice-balance')).toHaveCount(0)
    await expectNoViolations(chair.page, 'the chair’s voice balance before anyone has ticked')
  })

  await test.step('one person ticks: the chair’s list changes, and the counts are in plain words', async () => {
    await tickBox(vcse.page, item1).check()
    await expect(panel.getByTestId('ticking-count')).toHaveText('1 of 3 people here have ticked this area.')
    await expect(panel.getByTestId('not-ticked-yet')).toHaveText(
      'Not ticked yet: Chidi Chair (ICS), Lena Lived (Lived experience).',
    )
    await expect(panel.getByTestId('voice-table').locator('tr[data-group="vcse"]')).toContainText('1 (100%)')
    for (const person of [chair, ...participants]) {
      await expect(person.page.getByTestId('area-ticking')).toContainText(
        '1 person has ticked in this area so far.',
      )
      await expect(itemBlock(person.page, item1).getByTestId('tally')).toContainText(
        'The one person who has ticked in this area thinks this is in place',
      )
      // An item nobody ticked carries no count on screen; a screen reader hears that nobody has.
      const unticked = itemBlock(person.page, item2).getByTestId('tally')
      await expect(unticked).toHaveText('Nobody has ticked this yet.')
      await expect(unticked.locator('.nhsuk-u-visually-hidden')).toHaveText('Nobody has ticked this yet.')
    }
    await expect(chair.page.getByTestId('suggested-level')).toContainText(
      'An item counts as in place when the one person who has ticked in this area ticked it.',
    )
    await expectNoViolations(chair.page, 'the chair’s voice balance after one tick')
  })

  await test.step('the comment picker names levels and items in words, never ids', async () => {
    const picker = lived.page.getByLabel('What is it about?')
    const options = await picker.locator('option').allTextContents()
    expect(options.length).toBeGreaterThan(2)
    for (const text of options) {
      expect(text).not.toMatch(/\b\d+[a-z]\.[a-z]+\.\d+\b/)
      // Long items are cut at a word and end with an ellipsis; the chosen one is given in full below.
      expect(text.length).toBeLessThanOrEqual(91)
    }
    await expect(picker.locator('optgroup').first()).toHaveAttribute('label', framework.levels[0]!.label)
    const itemText = area.levels[0]!.items[0]!.text
    await picker.selectOption(item1)
    await expect(lived.page.getByTestId('about-full')).toHaveText(
      `The item under ${framework.levels[0]!.label}: ${itemText}`,
    )
    await expectNoViolations(lived.page, 'the comment picker with an item chosen')
  })

  await test.step('in a blind round the chair sees how many have ticked, never who or what', async () => {
    await chair.page.goto(`/a/${assessmentId}/areas/${blindArea.id}`)
    await chair.page.getByRole('button', { name: `Bring everyone to ${blindArea.id}` }).click()
    for (const person of participants)
      await expect(person.page.getByRole('heading', { level: 1 })).toContainText(blindArea.title)
    await chair.page.getByRole('button', { name: `Start a blind round on ${blindArea.id}` }).click()
    for (const person of participants) await expect(person.page.getByTestId('blind-notice')).toBeVisible()
    await expect(panel.getByTestId('ticking-count')).toHaveText(
      '0 of 3 have ticked. This is a blind round, so you see only how many, not who or what.',
    )
    await tickBox(lived.page, blindItem).check()
    await expect(panel.getByTestId('ticking-count')).toHaveText(
      '1 of 3 have ticked. This is a blind round, so you see only how many, not who or what.',
    )
    await expect(panel.getByTestId('not-ticked-yet')).toHaveCount(0)
    await expect(itemBlock(chair.page, blindItem)).toContainText('Counts hidden until the chair reveals them')
    // The count came from the server: no browser but Lena's holds her tick.
    for (const person of [chair, vcse]) {
      const ticks = await boardTicks(person.page)
      expect(Object.keys(ticks).filter((key) => key.startsWith(`${livedId}/`))).toEqual([])
    }
    await expectNoViolations(chair.page, 'the chair’s voice balance in a blind round')
    // At 320 CSS pixels (400% zoom) each group stacks, with nothing to scroll sideways.
    await chair.page.setViewportSize({ width: 320, height: 800 })
    await expect(panel.getByTestId('voice-table').locator('tr[data-group="vcse"]')).toContainText('Ticks')
    expect(await panel.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
    await expectNoViolations(chair.page, 'the chair’s voice balance at 320 CSS pixels')
  })
})
