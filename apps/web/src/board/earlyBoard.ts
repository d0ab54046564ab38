import { askAnonymousName } from '../conversation/useAnonymousName.ts'
import { clearBoardCopy, loadBoardCopy } from '../session/boardCopy.ts'
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
  /** This device opened the board before, so its IndexedDB copy is loading into the document. */
  hasLocalCopy: boolean
}

type Opening = EarlyBoard & { stopWatching: () => void }

let early: Opening | null = null

const discard = (board: Opening) => {
  board.stopWatching()
  board.connection.destroy()
  board.keeper.stop()
}

/**
 * Starts opening a board before its page is drawn, so the connection, the device's copy and the
 * fetch run while the page is busy with something else:
 * - `'joined'`: the person has just joined, and the optional equality questions are on screen; the
 *   first sync runs while they read (or skip) them rather than after. This device holds no copy yet.
 * - `'reopened'`: the board's address was opened directly (a reload, a bookmark); the connection and
 *   the device's IndexedDB copy open before the board's first render (a few hundred milliseconds on a
 *   finished board) rather than in an effect after it. The copy is waited for if this device opened
 *   the board before, as the page would.
 * Nothing happens without a stored session for the board; a board already opening is left as it is.
 */
export function startBoardEarly(
  assessmentId: string,
  {
    why = 'joined',
    storage = localStorage,
    open = (keeper, hasLocalCopy) => {
      void askAnonymousName(assessmentId, keeper)
      return {
        connection: openConnection(keeper, assessmentId, hasLocalCopy),
        data: fetchBoardData(keeper, assessmentId),
      }
    },
  }: {
    why?: 'joined' | 'reopened'
    storage?: Storage
    /** Opens the connection and starts the fetch (tests give their own). */
    open?: (keeper: SessionKeeper, hasLocalCopy: boolean) => Pick<EarlyBoard, 'connection' | 'data'>
  } = {},
): void {
  if (early?.assessmentId === assessmentId) return
  if (early) discard(early)
  early = null
  const keeper = SessionKeeper.open(storage, assessmentId)
  if (!keeper) return
  // The same test as the page's: a board opened here before left its assessment beside the session.
  const hasLocalCopy =
    why === 'reopened' && loadBoardCopy(storage, assessmentId, keeper.current.person.id) !== null
  let opened: Pick<EarlyBoard, 'connection' | 'data'>
  try {
    opened = open(keeper, hasLocalCopy)
  } catch (error) {
    // The page opens the board itself (and shows why it cannot); the keeper's refresh timer stops.
    keeper.stop()
    throw error
  }
  // Not "here" for the others until the board is on screen: no presence until the page takes it.
  opened.connection.awareness.setLocalState(null)
  const board: Opening = {
    assessmentId,
    keeper,
    ...opened,
    ready: null,
    signedOut: null,
    hasLocalCopy,
    stopWatching: () => undefined,
  }
  // A failure is the page's to show once it takes the fetch; until then it is not unhandled.
  opened.data.then(
    (data) => {
      board.ready = data
    },
    () => undefined,
  )
  // The page listens to the keeper only once it has taken it: until then this notes a sign-out, and
  // drops the assessment kept on this device, as the page's own listener would.
  board.stopWatching = keeper.onChange((session, reason) => {
    if (session) return
    board.signedOut = reason ?? 'Your sign-in has ended.'
    clearBoardCopy(storage, assessmentId)
  })
  early = board
}

/**
 * Settles once the board opened early for `assessmentId` holds this device's copy of it (IndexedDB),
 * or after `giveUpAfterMs`; at once when there is no such board or copy. A reload draws the board
 * after this rather than before: drawn before, the page shows an empty board that the device knows is
 * not empty, and drawing it twice (empty, then whole) costs a finished board a few hundred
 * milliseconds of the main thread, which the copy's own loading waits behind.
 */
export function earlyBoardLoaded(assessmentId: string, giveUpAfterMs: number): Promise<void> {
  const board = early
  if (board?.assessmentId !== assessmentId || !board.hasLocalCopy) return Promise.resolve()
  const { connection } = board
  const loaded = () => connection.getSnapshot().localLoaded
  return new Promise((resolve) => {
    if (loaded()) return resolve()
    // Both are called only later (the timer, a change of the connection), after `stop` is set.
    const done = () => {
      clearTimeout(timer)
      stop()
      resolve()
    }
    const timer = setTimeout(done, giveUpAfterMs)
    const stop = connection.subscribe(() => {
      if (loaded()) done()
    })
  })
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
