import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test'

export type Group = 'ics' | 'vcse' | 'lived-experience'

export interface Person {
  context: BrowserContext
  page: Page
  name: string
}

const GROUP_LABELS: Record<Group, RegExp> = {
  ics: /ICS or statutory organisation/,
  vcse: /Voluntary, community or social enterprise/,
  'lived-experience': /Lived experience or community member/,
}

/**
 * A new browser context for one person. Test hooks expose the board's Y.Doc so a test can check what
 * this browser actually received; the NHS web font host is unreachable here, so it is not asked.
 */
export async function newPerson(browser: Browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport })
  await context.addInitScript(() => {
    ;(globalThis as Record<string, unknown>).__coAssessTestHooks = true
  })
  await context.route('https://assets.nhs.uk/**', (route) => route.abort())
  const page = await context.newPage()
  return { context, page }
}

/** Joins from an invite link through the form, as a person would, and waits for the board. */
export async function joinAs(
  browser: Browser,
  invitePath: string,
  who: { name: string; organisation: string; group?: Group },
  viewport?: { width: number; height: number },
): Promise<Person> {
  const { context, page } = await newPerson(browser, viewport)
  await page.goto(invitePath)
  await page.getByLabel('Your name').fill(who.name)
  await page.getByLabel('Your organisation').fill(who.organisation)
  if (who.group) await page.getByRole('radio', { name: GROUP_LABELS[who.group] }).check()
  await page.getByRole('button', { name: 'Join the board' }).click()
  // People counted in the room are offered the optional equality questions next; these tests skip them
  // (tests/e2e/peoplesData.spec.ts answers them).
  if (who.group) await skipEqualityQuestions(page)
  await expect(page).toHaveURL(/\/a\/[A-Za-z0-9_-]+$/)
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  return { context, page, name: who.name }
}

/** Leaves the optional equality questions unanswered, as anyone may. */
export async function skipEqualityQuestions(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'About you (optional)' })).toBeVisible()
  await page.getByRole('button', { name: 'Skip these questions' }).click()
}

/** The access token this browser stored when it joined. */
export async function storedToken(page: Page, assessmentId: string): Promise<string> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), `co-assess:session:${assessmentId}`)
  if (!raw) throw new Error('This browser has not joined the assessment')
  return (JSON.parse(raw) as { token: string }).token
}

export async function storedPersonId(page: Page, assessmentId: string): Promise<string> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), `co-assess:session:${assessmentId}`)
  if (!raw) throw new Error('This browser has not joined the assessment')
  return (JSON.parse(raw) as { person: { id: string } }).person.id
}

interface TestHooks {
  doc: { getMap(name: string): { toJSON(): Record<string, unknown> } }
  blindDoc: { getMap(name: string): { toJSON(): Record<string, unknown> } } | null
}

/** The tick keys this browser's copy of the board holds (`personId/itemId` → tick). */
export async function boardTicks(page: Page): Promise<Record<string, { ticked: boolean }>> {
  return page.evaluate(() => {
    const hooks = (globalThis as Record<string, unknown>).__coAssess as TestHooks | undefined
    if (!hooks) throw new Error('Test hooks are not on this page')
    return hooks.doc.getMap('ticks').toJSON() as Record<string, { ticked: boolean }>
  })
}

export async function privateTicks(page: Page): Promise<Record<string, { ticked: boolean }>> {
  return page.evaluate(() => {
    const hooks = (globalThis as Record<string, unknown>).__coAssess as TestHooks | undefined
    if (!hooks?.blindDoc) throw new Error('This page has no private document')
    return hooks.blindDoc.getMap('ticks').toJSON() as Record<string, { ticked: boolean }>
  })
}

/** The checklist item's checkbox, found by the framework's own words. */
export function tickBox(page: Page, itemId: string) {
  return page.locator(`input[id="tick-${itemId}"]`)
}

export function itemBlock(page: Page, itemId: string) {
  return page.locator(`[data-item-id="${itemId}"]`)
}

/** Presses Tab until `selector` has focus: reaching a control the way a keyboard user does. */
export async function tabTo(page: Page, selector: string, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    const focused = await page
      .locator(selector)
      .evaluate(
        (el) =>
          (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el,
      )
      .catch(() => false)
    if (focused) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector}`)
}

/** Takes a person's browser offline and waits until their board has really lost its connection. */
export async function goOffline(person: { context: BrowserContext; page: Page }): Promise<void> {
  await person.context.setOffline(true)
  await expect(person.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'offline')
  await expect
    .poll(() =>
      person.page.evaluate(() => {
        const hooks = (globalThis as Record<string, unknown>).__coAssess as { snapshot: { status: string } }
        return hooks.snapshot.status
      }),
    )
    .toBe('disconnected')
}
