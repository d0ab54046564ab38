import { useEffect, useState } from 'react'
import { type BoardView, readBoardView } from './boardView.ts'
import type { BoardConnection } from './connection/BoardConnection.ts'

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
        setView(readBoardView(doc, blind, personId))
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
