/**
 * Counts which React components ran, commit by commit, through the hook React calls for its
 * developer tools (production builds call it too). Put in a page before its scripts
 * (`addInitScript`); it keeps its figures in `window.__renders` (see `ReactCommits`). Plain
 * JavaScript: these tests are type-checked without the DOM's types.
 *
 * A component ran when its fiber carries React's PerformedWork flag (1). React resets a fiber's
 * flags when it visits the fiber, and a subtree it did not enter keeps the very child it had in the
 * last commit, so the walk stops there: nothing below was drawn again. A readable build (not
 * minified) names the components; a minified one names them by single letters.
 */
export const COUNT_REACT_COMMITS = `
(() => {
  const PERFORMED_WORK = 1
  // Function, class, forwardRef and simple memo components: what a person's code runs. A memo (14)
  // wraps its own function fiber, which is counted instead.
  const COMPONENT = new Set([0, 1, 11, 15])
  const counts = { each: [], mounted: [], log: [], components: 0 }
  window.__renders = counts
  const nameOf = (fiber) => {
    const type = fiber.type
    return (type && (type.displayName || type.name || (type.type && type.type.name) || (type.render && type.render.name))) || 'tag ' + fiber.tag
  }
  const walk = (root) => {
    let ran = 0
    let mounted = 0
    const tops = []
    const stack = [[root, false]]
    while (stack.length) {
      const [fiber, below] = stack.pop()
      let under = below
      if (COMPONENT.has(fiber.tag) && (fiber.flags & PERFORMED_WORK) !== 0) {
        // A fiber with no alternate is new: drawn for the first time, not again.
        if (fiber.alternate) ran++
        else mounted++
        if (!below) tops.push(nameOf(fiber))
        under = true
      }
      if (fiber.alternate && fiber.child === fiber.alternate.child) continue
      for (let child = fiber.child; child; child = child.sibling) stack.push([child, under])
    }
    let components = 0
    const all = [root]
    while (all.length) {
      const fiber = all.pop()
      if (COMPONENT.has(fiber.tag)) components++
      for (let child = fiber.child; child; child = child.sibling) all.push(child)
    }
    return { ran, mounted, tops, components }
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
      const { ran, mounted, tops, components } = walk(root.current)
      counts.each.push(ran)
      counts.mounted.push(mounted)
      // When, how many were drawn again and for the first time, and the outermost (what set it off).
      counts.log.push([Math.round(performance.now()), ran, mounted, tops.slice(0, 8).join(', ')])
      counts.components = components
    },
  }
})()
`

export interface ReactCommits {
  /**
   * How many components were drawn again (they were on the page before) in each React commit since
   * the count was last reset, in order.
   */
  each: number[]
  /** How many components were drawn for the first time in each of those commits, in order. */
  mounted: number[]
  /**
   * Each commit: when (ms since the page began), how many components were drawn again and how many
   * for the first time, and the outermost of them.
   */
  log: [number, number, number, string][]
  /** Components on the page at the last commit. */
  components: number
}
