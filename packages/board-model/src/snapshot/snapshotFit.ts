import type { BoardShape } from '../guard/boardShape.ts'
import { areaOfItem } from '../ids.ts'
import { decodeLiveKey } from '../records/liveKey.ts'
import { peerKey } from '../records/peerSuggestion.ts'
import { tickKey } from '../records/tick.ts'
import type { BoardSnapshot } from './snapshotSchema.ts'

/** Where in a snapshot it does not fit, and why, for a 400 that names the field. */
export interface Misfit {
  path: Array<string | number>
  message: string
}

/** The area a live key is about, or null for a board-wide setting (focus, the running session). */
function areaOfLiveKey(key: string): string | null {
  const setting = decodeLiveKey(key)
  if (setting === null) return key
  return setting.kind === 'focus' || setting.kind === 'activeSession' ? null : setting.areaId
}

/**
 * The first place a snapshot's board holds what the live board's write gate would never have let in
 * for this framework: ticks of items it does not have, levels, suggestions, notes or live state for
 * areas it does not have, comments anchored elsewhere. The schema has already checked each value's
 * own shape; this checks the board against its framework's shape, which the caller gives.
 */
export function misfitWithFramework(data: BoardSnapshot, shape: BoardShape): Misfit | null {
  const { board } = data
  for (const key of Object.keys(board.ticks)) {
    const item = tickKey.decode(key)?.rest ?? key
    if (!shape.itemIds.has(item))
      return { path: ['board', 'ticks', key], message: `"${item}" is not a checklist item of this framework` }
  }
  // Each root keyed by area, with how to read the area from a key (null: the key names no area).
  const areaKeyed: Array<[string, Record<string, unknown>, (key: string) => string | null]> = [
    ['agreed', board.agreed, (key) => key],
    ['notes', board.notes, (key) => key],
    ['peer', board.peer, (key) => peerKey.decode(key)?.rest ?? key],
    ['live', board.live, (key) => areaOfLiveKey(key)],
    ['previous', board.previous ?? {}, (key) => key],
  ]
  for (const [root, entries, areaOf] of areaKeyed) {
    for (const key of Object.keys(entries)) {
      const area = areaOf(key)
      if (area !== null && !shape.areaIds.has(area))
        return { path: ['board', root, key], message: `"${area}" is not an area of this framework` }
    }
  }
  for (const [id, evidence] of Object.entries(board.evidence ?? {})) {
    if (!shape.areaIds.has(evidence.areaId))
      return { path: ['board', 'evidence', id, 'areaId'], message: 'is not an area of this framework' }
    const item = evidence.itemIds.find((i) => !shape.itemIds.has(i) || areaOfItem(i) !== evidence.areaId)
    if (item !== undefined)
      return {
        path: ['board', 'evidence', id, 'itemIds'],
        message: `"${item}" is not a checklist item of this framework's area ${evidence.areaId}`,
      }
  }
  for (const [id, action] of Object.entries(board.actions)) {
    const item = action.plan?.targetItemIds.find((i) => !shape.itemIds.has(i))
    if (item !== undefined)
      return {
        path: ['board', 'actions', id, 'plan', 'targetItemIds'],
        message: `"${item}" is not a checklist item of this framework`,
      }
  }
  for (const [id, comment] of Object.entries(board.comments)) {
    const { areaId, itemId } = comment.anchor
    if (!shape.areaIds.has(areaId))
      return {
        path: ['board', 'comments', id, 'anchor', 'areaId'],
        message: 'is not an area of this framework',
      }
    if (itemId !== null && !shape.itemIds.has(itemId))
      return {
        path: ['board', 'comments', id, 'anchor', 'itemId'],
        message: 'is not a checklist item of this framework',
      }
  }
  return null
}
