import { useEffect, useRef, useState } from 'react'
import { type BoardShape, type BoardView, readBoardView } from './boardView.ts'
import { watchBoardView } from './boardViewWatch.ts'
import type { BoardConnection } from './connection/BoardConnection.ts'

/**
 * The board as plain values, kept up to date from each change to either document (see
 * `watchBoardView`): a tick counts its item and area again, not the whole board. Bursts of updates
 * (a sync after reconnecting) are read once. `shape` must stay the same object while the framework does.
 */
export function useBoard(
  connection: BoardConnection,
  generation: number,
  personId: string,
  shape: BoardShape,
): BoardView {
  const [view, setView] = useState(() => readBoardView(connection.doc, connection.blindDoc, personId, shape))
  // What is on screen, so a new watch (a replaced document) keeps what did not change in it.
  const shown = useRef(view)
  shown.current = view
  useEffect(() => {
    void generation
    const watch = watchBoardView(connection.doc, connection.blindDoc, personId, shape, shown.current)
    let pending = false
    let stopped = false
    const reread = () => {
      if (pending) return
      pending = true
      queueMicrotask(() => {
        pending = false
        if (!stopped) setView(watch.read())
      })
    }
    reread()
    const off = watch.onChange(reread)
    return () => {
      stopped = true
      off()
      watch.stop()
    }
  }, [connection, generation, personId, shape])
  return view
}
