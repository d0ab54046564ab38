import { useSyncExternalStore } from 'react'

const KEY = 'co-assess:projector'

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on'
  } catch {
    return false
  }
}

let on = typeof window === 'undefined' ? false : stored()
const listeners = new Set<() => void>()
if (typeof document !== 'undefined') document.documentElement.classList.toggle('co-projector', on)

/**
 * Projector mode, remembered on this device: larger type, and on the board the room's view (the area,
 * its counts and timer) without anyone's controls, invitations or names. One store, so the header's
 * toggle and the board agree at once.
 */
export function setProjectorMode(next: boolean): void {
  on = next
  document.documentElement.classList.toggle('co-projector', on)
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off')
  } catch {
    // Not remembered; still applied for this visit.
  }
  for (const listener of listeners) listener()
}

export function useProjectorMode(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => on,
    () => false,
  )
}
