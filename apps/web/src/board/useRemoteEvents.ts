import {
  agreedMap,
  areaOfItem,
  decodeLiveKey,
  liveMap,
  parseLiveValue,
  type Tick,
  ticksMap,
} from '@co-assess/board-model'
import { useEffect, useRef } from 'react'
import type { FrameworkLevel } from '../framework/frameworkTypes.ts'
import type { BoardEvent } from './announcements.ts'
import type { BoardConnection } from './connection/BoardConnection.ts'
import { levelLabel } from './levelLabels.ts'

/**
 * Whether a change came from the server as news. The first sync brings the whole board (thousands of
 * ticks on a finished one): that is what is there, not what people just did, so nothing in it is
 * announced. A provider is synced only once that sync has been applied; later syncs (catching up after
 * a reconnect) bring what others did meanwhile and are announced.
 */
export function newsFrom(
  provider: { isSynced: boolean },
  firstSync: { done: boolean },
): (origin: unknown) => boolean {
  return (origin) => {
    if (origin !== provider) return false
    if (provider.isSynced) firstSync.done = true
    return firstSync.done
  }
}

/**
 * Turns changes that arrive from the server (made by other people) into board events. Changes this
 * device made, and its own copy loading from IndexedDB, are not news to this person.
 */
export function useRemoteEvents(
  connection: BoardConnection,
  generation: number,
  levels: readonly FrameworkLevel[],
  onEvents: (events: BoardEvent[]) => void,
): void {
  const firstSync = useRef({ done: false })
  useEffect(() => {
    void generation
    const doc = connection.doc
    const fromServer = newsFrom(connection.provider, firstSync.current)
    const ticks = ticksMap(doc)
    const agreed = agreedMap(doc)
    const live = liveMap(doc)

    const onTicks = (event: {
      transaction: { origin: unknown }
      changes: { keys: Map<string, { action: string }> }
    }) => {
      if (!fromServer(event.transaction.origin)) return
      const events: BoardEvent[] = []
      for (const [key, change] of event.changes.keys) {
        if (change.action === 'delete') continue
        const tick = ticks.get(key) as Tick | undefined
        const slash = key.indexOf('/')
        if (tick?.ticked && slash > 0) events.push({ kind: 'tick', areaId: areaOfItem(key.slice(slash + 1)) })
      }
      onEvents(events)
    }
    const onAgreed = (event: { transaction: { origin: unknown }; keysChanged: Set<string> }) => {
      if (!fromServer(event.transaction.origin)) return
      const events: BoardEvent[] = []
      for (const areaId of event.keysChanged) {
        const value = agreed.get(areaId)
        if (value) events.push({ kind: 'agreed', areaId, levelLabel: levelLabel(value.level, levels) })
      }
      onEvents(events)
    }
    const onLive = (event: { transaction: { origin: unknown }; keysChanged: Set<string> }) => {
      if (!fromServer(event.transaction.origin)) return
      const events: BoardEvent[] = []
      for (const key of event.keysChanged) {
        const value = live.get(key)
        const setting = decodeLiveKey(key)
        if (setting?.kind === 'focus')
          events.push({ kind: 'focus', areaId: parseLiveValue('focus', value)?.areaId ?? null })
        else if (setting?.kind === 'activeSession')
          events.push({ kind: 'session', running: typeof value === 'string' })
        else if (setting?.kind === 'round') {
          const mode = parseLiveValue('round', value)?.mode
          if (mode === 'anonymous' || mode === 'anonymous-ended')
            events.push({ kind: 'anonymous', areaId: setting.areaId, running: mode === 'anonymous' })
          else if (mode)
            events.push({ kind: mode === 'blind' ? 'blind' : 'revealed', areaId: setting.areaId })
        } else if (setting?.kind === 'timer') {
          const timer = parseLiveValue('timer', value)
          if (timer) events.push({ kind: 'timer', areaId: setting.areaId, seconds: timer.durationSeconds })
        }
      }
      onEvents(events)
    }
    ticks.observe(onTicks)
    agreed.observe(onAgreed)
    live.observe(onLive)
    return () => {
      ticks.unobserve(onTicks)
      agreed.unobserve(onAgreed)
      live.unobserve(onLive)
    }
  }, [connection, generation, levels, onEvents])
}
