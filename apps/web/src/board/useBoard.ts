import type { AreaTicks } from '@co-assess/board-model'
import { useEffect, useState } from 'react'
import { type BoardView, readBoardView } from './boardView.ts'
import type { BoardConnection } from './connection/BoardConnection.ts'
import { keepList, keepMap, sameEntries } from './sameValues.ts'

/**
 * The new reading, with every part that did not change kept as the same object as before: a tick in
 * one area leaves the people, the other areas' ticks and the agreed levels as they were, so the parts
 * of the page that read only those (every comment) are not rendered again.
 */
export function keepUnchanged(previous: BoardView, next: BoardView): BoardView {
  const ticks = new Map<string, AreaTicks>()
  for (const [areaId, area] of next.ticks) {
    const old = previous.ticks.get(areaId)
    ticks.set(areaId, old && sameEntries(old, area, (a, b) => sameEntries(a, b)) ? old : area)
  }
  return {
    people: keepMap(previous.people, next.people),
    ticks: keepMap(previous.ticks, ticks),
    myTicks: keepMap(previous.myTicks, next.myTicks),
    agreed: keepMap(previous.agreed, next.agreed),
    live: next.live,
    sessions: keepList(previous.sessions, next.sessions),
  }
}

/**
 * The board as plain values, re-read after every change to either document. Bursts of updates (a
 * sync after reconnecting) are read once.
 */
export function useBoard(connection: BoardConnection, generation: number, personId: string): BoardView {
  const [view, setView] = useState(() => readBoardView(connection.doc, connection.blindDoc, personId))
  useEffect(() => {
    void generation
    const doc = connection.doc
    const blind = connection.blindDoc
    let pending = false
    const reread = () => {
      if (pending) return
      pending = true
      queueMicrotask(() => {
        pending = false
        const next = readBoardView(doc, blind, personId)
        setView((previous) => keepUnchanged(previous, next))
      })
    }
    reread()
    doc.on('update', reread)
    blind?.on('update', reread)
    return () => {
      doc.off('update', reread)
      blind?.off('update', reread)
    }
  }, [connection, generation, personId])
  return view
}
