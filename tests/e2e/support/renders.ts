import type { Page } from '@playwright/test'

/**
 * Counts which React components ran, commit by commit, through the hook React calls for its
 * developer tools (production builds call it too). Installed before the page's scripts (plain
 * JavaScript: these tests are type-checked without the DOM's types).
 *
 * A component ran when its fiber carries React's PerformedWork flag (1). React resets a fiber's
 * flags when it visits the fiber, and a subtree it did not enter keeps the very child it had in the
 * last commit, so the walk stops there: nothing below was drawn again.
 */
const COUNT_RENDERS = `
(() => {
  const PERFORMED_WORK = 1
  // Function, class, forwardRef, memo and simple memo components: what a person's code runs.
  const COMPONENT = new Set([0, 1, 11, 14, 15])
  const counts = { commits: 0, ran: 0, most: 0, components: 0 }
  window.__renders = counts
  const walk = (root) => {
    let ran = 0
    let components = 0
    const stack = [root]
    const all = [root]
    while (stack.length) {
      const fiber = stack.pop()
      if (COMPONENT.has(fiber.tag) && (fiber.flags & PERFORMED_WORK) !== 0) {
        ran++
      }
      if (fiber.alternate && fiber.child === fiber.alternate.child) continue
      for (let child = fiber.child; child; child = child.sibling) stack.push(child)
    }
    while (all.length) {
      const fiber = all.pop()
      if (COMPONENT.has(fiber.tag)) components++
      for (let child = fiber.child; child; child = child.sibling) all.push(child)
    }
    return { ran, components }
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id, root) => {
      const { ran, components } = walk(root.current)
      counts.commits++
      counts.ran += ran
      counts.most = Math.max(counts.most, ran)
      counts.components = components
    },
  }
})()
`

export interface Renders {
  /** React commits since the count was last reset. */
  commits: number
  /** Components that ran in those commits. */
  ran: number
  /** The most components that ran in one of those commits. */
  most: number
  /** Components on the page at the last commit. */
  components: number
}

/** From the next page load on, counts the components React runs. */
export async function countRenders(page: Page): Promise<void> {
  await page.addInitScript(COUNT_RENDERS)
}

/** What ran since the last call (or since the page loaded), and starts counting again. */
export async function rendersSince(page: Page): Promise<Renders> {
  return page.evaluate(() => {
    const counts = (globalThis as unknown as { __renders: Renders }).__renders
    const now = { ...counts }
    counts.commits = 0
    counts.ran = 0
    counts.most = 0
    return now
  })
}
