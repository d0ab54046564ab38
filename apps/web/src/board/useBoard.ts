import {
  type BoardView,
  noteChangesSince,
  readBoardView,
  readGroups,
  type ViewShape,
  watchBoardView,
} from '@co-assess/board-model'
import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { BoardConnection } from './connection/BoardConnection.ts'
import { rememberBoardGroups } from './groupLabels.ts'

/**
 * The board as plain values, kept up to date from each change to either document (see
 * `watchBoardView`): a tick counts its item and area again, not the whole board. Bursts of updates
 * (a sync after reconnecting) are read once. `shape` must stay the same object while the framework does.
 */
export function useBoard(
  connection: BoardConnection,
  /** The connection's count of documents replaced (a refusal): a new one is read afresh. */
  documents: number,
  personId: string,
  shape: ViewShape,
): BoardView {
  // The first reading, what it read, and what changes after it: the watch below takes it as it is
  // and applies those changes (the server's answer often arrives between this render and the effect).
  const [first] = useState(() => ({
    view: readBoardViewAndGroups(connection, personId, shape),
    of: readingOf(connection, personId, shape),
    since: noteChangesSince(connection.doc, connection.blindDoc),
  }))
  const [view, setView] = useState(first.view)
  // What is on screen, so a new watch (a replaced document) keeps what did not change in it.
  const shown = useRef(view)
  shown.current = view
  useEffect(() => {
    void documents
    const now = readingOf(connection, personId, shape)
    const fromFirst = shown.current === first.view && sameSource(first.of, now)
    // Taken once, and so stopped (a second mount, or a later watch, reads the board again instead).
    const noted = first.since.take()
    const missed = fromFirst ? noted : null
    const upToDate = fromFirst && first.of.transactions === now.transactions
    const watch = watchBoardView(
      connection.doc,
      connection.blindDoc,
      personId,
      shape,
      shown.current,
      upToDate,
      missed,
    )
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
  }, [connection, documents, personId, shape, first])
  return view
}

/** What a reading of the board was taken from: the documents, at how many transactions, for whom. */
interface ReadingOf {
  doc: Y.Doc
  blindDoc: Y.Doc | null
  transactions: number
  personId: string
  shape: ViewShape
}

function readingOf(connection: BoardConnection, personId: string, shape: ViewShape): ReadingOf {
  const { doc, blindDoc } = connection
  return { doc, blindDoc, transactions: transactionsOf(doc) + transactionsOf(blindDoc), personId, shape }
}

/** The same documents, person and framework: what differs, if anything, is changes to them. */
function sameSource(a: ReadingOf, b: ReadingOf): boolean {
  return a.doc === b.doc && a.blindDoc === b.blindDoc && a.personId === b.personId && a.shape === b.shape
}

/**
 * Transactions seen on a document since it was first asked about here. Any change, an insert or a
 * delete alike, is a transaction; 'afterTransaction' costs Yjs nothing to emit, unlike 'update',
 * which makes it encode every change.
 */
const counters = new WeakMap<Y.Doc, { count: number }>()
function transactionsOf(doc: Y.Doc | null): number {
  if (!doc) return 0
  let counter = counters.get(doc)
  if (!counter) {
    const fresh = { count: 0 }
    doc.on('afterTransaction', () => {
      fresh.count += 1
    })
    counters.set(doc, fresh)
    counter = fresh
  }
  return counter.count
}

/**
 * The first reading, and the board's own group names for the labels (groupLabels.ts) before anything
 * renders them.
 */
function readBoardViewAndGroups(connection: BoardConnection, personId: string, shape: ViewShape): BoardView {
  rememberBoardGroups(readGroups(connection.doc))
  return readBoardView(connection.doc, connection.blindDoc, personId, shape)
}
