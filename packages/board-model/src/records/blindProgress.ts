import type * as Y from 'yjs'
import { z } from 'zod'
import { serverOrigin } from '../origins.ts'
import { liveMap } from '../roots.ts'
import { decodeLiveKey, LIVE_KEYS } from './liveKey.ts'
import type { Round } from './round.ts'

/**
 * How many people have ticked in an area's blind round ("4 of 7"), for the chair to know when to
 * reveal. The ticks are in each person's private document, which only the server reads, so the
 * server counts them and writes this number alone: never who, never which items. It is a `live` key,
 * `LIVE_KEYS.progress(areaId)`, that no client may write.
 */
export const blindProgressSchema = z.strictObject({
  /** People taking part who have ticked anything in the area during the round (takesPart, one per person). */
  ticked: z.number().int().nonnegative(),
  /** The round this count is of (its `startedAt`), so a count left from an earlier round is not shown. */
  roundStartedAt: z.number().int().nonnegative(),
  at: z.number().int().nonnegative(),
})
export type BlindProgress = z.infer<typeof blindProgressSchema>

/** The server's count for the area's blind round, or null if there is none for the round running now. */
export function readBlindProgress(
  board: Y.Doc,
  areaId: string,
  round: Round | undefined,
): BlindProgress | null {
  if (round?.mode !== 'blind') return null
  const parsed = blindProgressSchema.safeParse(liveMap(board).get(LIVE_KEYS.progress(areaId)))
  return progressOfRound(parsed.success ? parsed.data : undefined, round)
}

/**
 * Every area's count as the server last wrote it, by area id, whatever round it was of (pair it with
 * the area's round through `progressOfRound`); values that do not validate are left out.
 */
export function readBlindProgressByArea(board: Y.Doc): Map<string, BlindProgress> {
  const found = new Map<string, BlindProgress>()
  for (const [key, value] of liveMap(board).entries()) {
    const setting = decodeLiveKey(key)
    if (setting?.kind !== 'progress') continue
    const parsed = blindProgressSchema.safeParse(value)
    if (parsed.success) found.set(setting.areaId, parsed.data)
  }
  return found
}

/** The count, if it is of the blind round running now; null outside a blind round or for an earlier one. */
export function progressOfRound(
  progress: BlindProgress | undefined,
  round: Round | undefined,
): BlindProgress | null {
  return round?.mode === 'blind' && progress?.roundStartedAt === round.startedAt ? progress : null
}

/** Writes the count; only the server writes it (the write gate refuses it from every client). */
export function setBlindProgress(board: Y.Doc, areaId: string, progress: BlindProgress): void {
  board.transact(
    // The live map's own value type lists the chair's settings; this key is the server's.
    () => (liveMap(board) as unknown as Y.Map<BlindProgress>).set(LIVE_KEYS.progress(areaId), progress),
    serverOrigin('blind-progress'),
  )
}
