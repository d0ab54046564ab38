import { registerSW } from 'virtual:pwa-register'
import { useSyncExternalStore } from 'react'

// Long sessions on a projector laptop: look for a new version now and then, not only on a reload.
const UPDATE_CHECK_MS = 30 * 60 * 1000

let updateReady = false
let applyUpdate: ((reloadPage?: boolean) => Promise<void>) | null = null
const listeners = new Set<() => void>()

/**
 * Registers the service worker that keeps the app's files on this device (vite.config.ts), so a
 * reload while offline still opens the board. A new version waits until the person reloads with it.
 */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  applyUpdate = registerSW({
    onNeedRefresh() {
      updateReady = true
      for (const listener of listeners) listener()
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => {})
      }, UPDATE_CHECK_MS)
    },
  })
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether a new version of the app is waiting to take over. */
export function useUpdateReady(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => updateReady,
    () => false,
  )
}

/** Lets the waiting version take over, then reloads the page with it. */
export function reloadWithUpdate(): void {
  if (applyUpdate) void applyUpdate(true)
  else window.location.reload()
}
