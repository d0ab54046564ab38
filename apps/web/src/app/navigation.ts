import { useSyncExternalStore } from 'react'
import { parseRoute, type Route } from './route.ts'

const listeners = new Set<() => void>()
const notify = () => {
  for (const listener of listeners) listener()
}
if (typeof window !== 'undefined') window.addEventListener('popstate', notify)

/** Moves to another page of the app without reloading; `replace` keeps the back button tidy. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return
  if (options.replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  notify()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

let lastPath = ''
let lastRoute: Route = { name: 'home' }
function currentRoute(): Route {
  const path = window.location.pathname
  if (path !== lastPath) {
    lastPath = path
    lastRoute = parseRoute(path)
  }
  return lastRoute
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute)
}
