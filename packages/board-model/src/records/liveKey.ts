import { type AreaId, areaIdBrand } from '../ids.ts'

/**
 * The `live` map holds what the chair is running now. Its keys name one setting each:
 * `focus`, `activeSession`, and per area `round:<areaId>`, `timer:<areaId>` and `tally:<areaId>` (an
 * anonymous round's counts, which only the server writes). This module is the one place that knows
 * that format: everything else encodes and decodes keys here and reads typed, checked values.
 */
export type LiveKey =
  | { kind: 'focus' }
  | { kind: 'activeSession' }
  | { kind: 'round'; areaId: AreaId }
  | { kind: 'timer'; areaId: AreaId }
  | { kind: 'tally'; areaId: AreaId }
  | { kind: 'progress'; areaId: AreaId }
export type AreaSettingKind = 'round' | 'timer' | 'tally' | 'progress'
const AREA_KINDS: ReadonlySet<string> = new Set<AreaSettingKind>(['round', 'timer', 'tally', 'progress'])
const AREA_SEPARATOR = ':'

export const LIVE_KEYS = {
  focus: 'focus',
  activeSession: 'activeSession',
  round: (areaId: string) => `round${AREA_SEPARATOR}${areaId}`,
  timer: (areaId: string) => `timer${AREA_SEPARATOR}${areaId}`,
  /** An anonymous round's counts: written by the server alone, refused from every client. */
  tally: (areaId: string) => `tally${AREA_SEPARATOR}${areaId}`,
  /** How many have ticked in a blind round ("4 of 7"): the server's count, never who or what. */
  progress: (areaId: string) => `progress${AREA_SEPARATOR}${areaId}`,
} as const

/** The key a setting is kept under: `decodeLiveKey`'s inverse. */
export function encodeLiveKey(setting: LiveKey): string {
  return 'areaId' in setting ? LIVE_KEYS[setting.kind](setting.areaId) : LIVE_KEYS[setting.kind]
}

/** What a live key names, or null for a key that is not one of the board's settings. */
export function decodeLiveKey(key: string): LiveKey | null {
  if (key === LIVE_KEYS.focus) return { kind: 'focus' }
  if (key === LIVE_KEYS.activeSession) return { kind: 'activeSession' }
  const colon = key.indexOf(AREA_SEPARATOR)
  const kind = key.slice(0, colon)
  if (colon <= 0 || !AREA_KINDS.has(kind)) return null
  const areaId = areaIdBrand.safeParse(key.slice(colon + 1))
  return areaId.success ? { kind: kind as AreaSettingKind, areaId: areaId.data } : null
}
