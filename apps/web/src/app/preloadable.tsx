import { type ComponentType, lazy, useState } from 'react'

export interface Preloadable<P extends object> {
  (props: P): React.JSX.Element
  /** Starts loading the code (once); resolves when it can be shown without waiting. */
  preload: () => Promise<unknown>
}

/**
 * A code-split component that can be fetched ahead of time, and that then renders at once.
 *
 * `React.lazy` alone suspends on its first render even when the code arrived long before (the join
 * page fetches the board's code while the person types their name): it shows the fallback, and React
 * holds the revealed content back for up to 300 ms so that fallbacks do not flicker. A component
 * whose code is already here is rendered directly instead; one that is not yet here falls back to
 * `lazy`. Which of the two is chosen once per mount, so a mounted page is never swapped (and so
 * remounted) when the code arrives.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null
  let loading: Promise<ComponentType<P>> | null = null
  const preload = () => {
    loading ??= load().then(
      (component) => {
        loaded = component
        return component
      },
      (error: unknown) => {
        // A failed fetch (offline, a new deployment) may be tried again by the next render.
        loading = null
        throw error
      },
    )
    return loading
  }
  const Lazy = lazy(() => preload().then((component) => ({ default: component })))
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page at module level, as React.lazy is
  function Preloaded(props: P) {
    const [Ready] = useState(() => loaded)
    return Ready ? <Ready {...props} /> : <Lazy {...props} />
  }
  Preloaded.preload = preload
  return Preloaded
}
