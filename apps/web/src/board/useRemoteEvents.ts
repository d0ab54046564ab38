import {
  areaOfItem,
  observeAgreedLevels,
  observeLive,
  observeTicks,
  readLiveSetting,
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

    const stopTicks = observeTicks(
      doc,
      (changes) => {
        const events: BoardEvent[] = []
        for (const { itemId, tick } of changes) {
          if (tick?.ticked) events.push({ kind: 'tick', areaId: areaOfItem(itemId) })
        }
        onEvents(events)
      },
      fromServer,
    )
    const stopAgreed = observeAgreedLevels(doc, (changes, origin) => {
      if (!fromServer(origin)) return
      const events: BoardEvent[] = []
      for (const { areaId, agreed } of changes) {
        if (agreed) events.push({ kind: 'agreed', areaId, levelLabel: levelLabel(agreed.level, levels) })
      }
      onEvents(events)
    })
    const stopLive = observeLive(doc, (settings, origin) => {
      if (!fromServer(origin)) return
      const events: BoardEvent[] = []
      for (const setting of settings) {
        if (setting.kind === 'focus')
          events.push({ kind: 'focus', areaId: readLiveSetting(doc, setting)?.areaId ?? null })
        else if (setting.kind === 'activeSession')
          events.push({ kind: 'session', running: typeof readLiveSetting(doc, setting) === 'string' })
        else if (setting.kind === 'round') {
          const mode = readLiveSetting(doc, setting)?.mode
          if (mode === 'anonymous' || mode === 'anonymous-ended')
            events.push({ kind: 'anonymous', areaId: setting.areaId, running: mode === 'anonymous' })
          else if (mode)
            events.push({ kind: mode === 'blind' ? 'blind' : 'revealed', areaId: setting.areaId })
        } else if (setting.kind === 'timer') {
          const timer = readLiveSetting(doc, setting)
          if (timer) events.push({ kind: 'timer', areaId: setting.areaId, seconds: timer.durationSeconds })
        }
      }
      onEvents(events)
    })
    return () => {
      stopTicks()
      stopAgreed()
      stopLive()
    }
  }, [connection, generation, levels, onEvents])
}
