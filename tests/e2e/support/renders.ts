import type { Page } from '@playwright/test'
import { COUNT_REACT_COMMITS, type ReactCommits } from '../../utils/reactCommits.ts'

export interface Renders extends ReactCommits {
  /** The most components drawn again in one of those commits. */
  most: number
}

/** From the next page load on, counts the components React runs (tests/utils/reactCommits.ts). */
export async function countRenders(page: Page): Promise<void> {
  await page.addInitScript(COUNT_REACT_COMMITS)
}

/** What ran since the last call (or since the page loaded), and starts counting again. */
export async function rendersSince(page: Page): Promise<Renders> {
  return page.evaluate(() => {
    const counts = (globalThis as unknown as { __renders: ReactCommits }).__renders
    const now = { ...counts, most: Math.max(0, ...counts.each) }
    counts.each = []
    counts.mounted = []
    counts.log = []
    return now
  })
}
