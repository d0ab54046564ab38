import type * as Y from 'yjs'
import type { z } from 'zod'
import { liveMap, metaMap } from '../roots.ts'
import { type AnonymousTally, tallySchema } from './anonymousTally.ts'
import { type BlindProgress, blindProgressSchema } from './blindProgress.ts'
import { type Focus, focusSchema } from './focus.ts'
import { decodeLiveKey, encodeLiveKey, LIVE_KEYS, type LiveKey } from './liveKey.ts'
import { isAnonymousRound, isBlind, type Round, roundSchema } from './round.ts'
import { type Timer, timerSchema } from './timer.ts'

// The values the `live` map's keys hold (liveKey.ts names the keys), each read checked against its schema.

export { decodeLiveKey, encodeLiveKey, LIVE_KEYS, type LiveKey } from './liveKey.ts'

/** The value each kind of live key holds. */
export interface LiveValues {
  focus: Focus
  activeSession: string | null
  round: Round
  timer: Timer
  tally: AnonymousTally
  progress: BlindProgress
}

const SCHEMAS: { [K in Exclude<keyof LiveValues, 'activeSession'>]: z.ZodType<LiveValues[K]> } = {
  focus: focusSchema,
  round: roundSchema,
  timer: timerSchema,
  tally: tallySchema,
  progress: blindProgressSchema,
}

/** Checks a live value against its key's schema: what a client wrote is read as the type it claims only if it is. */
export function parseLiveValue<K extends keyof LiveValues>(
  kind: K,
  value: unknown,
): LiveValues[K] | undefined {
  if (kind === 'activeSession') {
    return (value === null || typeof value === 'string' ? value : undefined) as LiveValues[K] | undefined
  }
  const parsed = SCHEMAS[kind as Exclude<K, 'activeSession'>].safeParse(value)
  return parsed.success ? (parsed.data as LiveValues[K]) : undefined
}

/** One setting's value as it is now, checked against its schema; undefined when unset or not valid. */
export function readLiveSetting<S extends LiveKey>(
  doc: Y.Doc,
  setting: S,
): LiveValues[S['kind']] | undefined {
  return parseLiveValue<S['kind']>(setting.kind, liveMap(doc).get(encodeLiveKey(setting)))
}

/** The round on one area, if any. */
export function roundOf(doc: Y.Doc, areaId: string): Round | undefined {
  return parseLiveValue('round', liveMap(doc).get(LIVE_KEYS.round(areaId)))
}

/** The running session's id, or null between sessions. */
export function activeSessionOf(doc: Y.Doc): string | null {
  return parseLiveValue('activeSession', liveMap(doc).get(LIVE_KEYS.activeSession)) ?? null
}

export interface LiveState {
  focus: Focus | null
  activeSessionId: string | null
  rounds: Map<string, Round>
  timers: Map<string, Timer>
  /** Anonymous rounds' counts by area, as the server wrote them (numbers only). */
  anonymousCounts: Map<string, AnonymousTally>
  reviewClosedAt: number | null
}

/**
 * Calls `onChange` with each live setting a transaction changed (keys decoded; keys that name no
 * setting are skipped) and the transaction's origin. Returns the function that stops watching.
 */
export function observeLive(
  doc: Y.Doc,
  onChange: (settings: LiveKey[], origin: unknown) => void,
): () => void {
  const live = liveMap(doc)
  const observer = (event: { keysChanged: Set<string>; transaction: Y.Transaction }) => {
    const settings = [...event.keysChanged].flatMap((key) => decodeLiveKey(key) ?? [])
    if (settings.length > 0) onChange(settings, event.transaction.origin)
  }
  live.observe(observer)
  return () => live.unobserve(observer)
}

/** Whether the area is in a blind round, from a read of the live state. */
export function areaIsBlind(live: LiveState, areaId: string): boolean {
  return isBlind(live.rounds.get(areaId))
}

/**
 * Whether the area has (or had) an anonymous round: its round says so, or, if a chair has since
 * removed the round, the server's counts still do.
 */
export function areaIsAnonymous(live: LiveState, areaId: string): boolean {
  return isAnonymousRound(live.rounds.get(areaId)) || live.anonymousCounts.has(areaId)
}

/** Whether ticks for this area go to each person's private document rather than the board. */
export function areaTicksStayPrivate(live: LiveState, areaId: string): boolean {
  return areaIsBlind(live, areaId) || areaIsAnonymous(live, areaId)
}

/** Everything the chair is running, read once with every value checked. */
export function readLive(doc: Y.Doc): LiveState {
  const state: LiveState = {
    focus: null,
    activeSessionId: null,
    rounds: new Map(),
    timers: new Map(),
    anonymousCounts: new Map(),
    reviewClosedAt: null,
  }
  for (const [key, value] of liveMap(doc).entries()) {
    const setting = decodeLiveKey(key)
    switch (setting?.kind) {
      case 'focus':
        state.focus = parseLiveValue('focus', value) ?? null
        break
      case 'activeSession':
        state.activeSessionId = parseLiveValue('activeSession', value) ?? null
        break
      case 'round': {
        const round = parseLiveValue('round', value)
        if (round) state.rounds.set(setting.areaId, round)
        break
      }
      case 'timer': {
        const timer = parseLiveValue('timer', value)
        if (timer) state.timers.set(setting.areaId, timer)
        break
      }
      case 'tally': {
        const counts = parseLiveValue('tally', value)
        if (counts) state.anonymousCounts.set(setting.areaId, counts)
        break
      }
      // Blind-round progress is read with its round: records/blindProgress.ts.
    }
  }
  const closed = metaMap(doc).get('reviewClosedAt')
  state.reviewClosedAt = typeof closed === 'number' ? closed : null
  return state
}
