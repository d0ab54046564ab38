import { z } from 'zod'

/**
 * A blind round hides everyone's ticks on one area until the chair reveals them. While an area is
 * blind, ticks for it go to each person's private document (see `blindDocumentName`), never here.
 */
export const roundSchema = z.strictObject({
  /**
   * `anonymous` is an anonymous round: ticks stay private as in a blind round, but the server counts
   * them by group as they come in (`tallySchema`) and never moves them onto the board. `anonymous-ended`
   * is one the chair has ended: the counts stay as the area's record and the ticks stay private.
   */
  mode: z.enum(['blind', 'revealed', 'anonymous', 'anonymous-ended']),
  startedAt: z.number().int().nonnegative(),
  /** When a blind round was revealed, or an anonymous round ended. */
  revealedAt: z.number().int().nonnegative().nullable(),
})
export type Round = z.infer<typeof roundSchema>

/** Modes whose ticks stay in people's private documents for good: nobody may learn who ticked. */
export const ANONYMOUS_MODES: ReadonlySet<Round['mode']> = new Set(['anonymous', 'anonymous-ended'])

/** Is the area's round a blind one (ticks private until the chair reveals them)? The one place that says so. */
export function isBlind(round: Round | null | undefined): boolean {
  return round?.mode === 'blind'
}

/** Is the round anonymous, running or ended (ticks private for good, only counts shown)? */
export function isAnonymousRound(round: Round | null | undefined): boolean {
  return round != null && ANONYMOUS_MODES.has(round.mode)
}
