import { SessionKeeper } from '../session/sessionKeeper.ts'
import type { BoardConnection } from './connection/BoardConnection.ts'
import { type BoardData, fetchBoardData, openConnection } from './openBoard.ts'

/**
 * A board opened before its page is on screen: the session's keeper, the live connection (syncing
 * into the device's IndexedDB copy) and the assessment's fetch, handed to the board's page when it
 * mounts.
 */
export interface EarlyBoard {
  assessmentId: string
  keeper: SessionKeeper
  connection: BoardConnection
  data: Promise<BoardData>
  /** What `data` gave, once it has: the page then draws the board in its first render. */
  ready: BoardData | null
  /** Why the session ended before the page took the board (the server refused the connection). */
  signedOut: string | null
}

type Opening = EarlyBoard & { stopWatching: () => void }

let early: Opening | null = null

const discard = (board: Opening) => {
  board.stopWatching()
  board.connection.destroy()
  board.keeper.stop()
}

/**
 * Starts opening a board the person has just joined while the optional equality questions are on
 * screen, so the first sync runs while they read (or skip) them rather than after. Nothing happens
 * without a stored session for the board; a board already opening is left as it is.
 */
export function startBoardEarly(
  assessmentId: string,
  {
    storage = localStorage,
    open = (keeper) => ({
      connection: openConnection(keeper, assessmentId, false),
      data: fetchBoardData(keeper, assessmentId),
    }),
  }: {
    storage?: Storage
    /** Opens the connection and starts the fetch (tests give their own). */
    open?: (keeper: SessionKeeper) => Pick<EarlyBoard, 'connection' | 'data'>
  } = {},
): void {
  if (early?.assessmentId === assessmentId) return
  if (early) discard(early)
  early = null
  const keeper = SessionKeeper.open(storage, assessmentId)
  if (!keeper) return
  const opened = open(keeper)
  // Not "here" for the others until the board is on screen: no presence until the page takes it.
  opened.connection.awareness.setLocalState(null)
  const board: Opening = {
    assessmentId,
    keeper,
    ...opened,
    ready: null,
    signedOut: null,
    stopWatching: () => undefined,
  }
  // A failure is the page's to show once it takes the fetch; until then it is not unhandled.
  opened.data.then(
    (data) => {
      board.ready = data
    },
    () => undefined,
  )
  // The page listens to the keeper only once it has taken it: until then this notes a sign-out.
  board.stopWatching = keeper.onChange((session, reason) => {
    if (!session) board.signedOut = reason ?? 'Your sign-in has ended.'
  })
  early = board
}

/**
 * The board opened early for `assessmentId`, once: the caller owns it from here. One opened for
 * another board is closed, as that page was left.
 */
export function takeEarlyBoard(assessmentId: string): EarlyBoard | null {
  if (!early) return null
  const found = early
  early = null
  if (found.assessmentId !== assessmentId) {
    discard(found)
    return null
  }
  const { stopWatching, ...board } = found
  stopWatching()
  board.connection.awareness.setLocalState({})
  return board
}
