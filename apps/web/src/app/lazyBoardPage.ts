import { preloadable } from './preloadable.tsx'

const boardModule = () => import('../board/BoardPage.tsx')

// The live board (Yjs, its connection, the conversation) loads apart from the join form, and while
// someone fills the form in; once here it renders at once (see preloadable).
export const BoardPage = preloadable(() => boardModule().then((m) => m.BoardPage))

/**
 * Opens the board someone has just joined (its connection and first sync, its assessment) while
 * the optional equality questions are on screen; the board's page takes it over when it mounts.
 * The questions never wait for it, and a failure here leaves the page to open the board as usual.
 */
export function startBoardEarly(assessmentId: string): void {
  boardModule()
    .then((m) => m.startBoardEarly(assessmentId))
    .catch(() => undefined)
}

/**
 * How long a reload waits for the device's copy of the board before drawing the page without it (the
 * page says "Loading…" meanwhile, index.html): as long as the sync waits for it (BoardConnection).
 */
const LOCAL_COPY_WAIT_MS = 3000

/**
 * The board's code, for a board opened directly (a reload, a bookmark), with its connection opened
 * and the device's copy of the board loaded: the page is then drawn once, with the board this device
 * holds, rather than empty first (see earlyBoardLoaded). Resolves once the page can be drawn.
 */
export function reopenBoard(assessmentId: string): Promise<unknown> {
  return BoardPage.preload().then(() =>
    boardModule().then((m) => {
      m.startBoardEarly(assessmentId, { why: 'reopened' })
      return m.earlyBoardLoaded(assessmentId, LOCAL_COPY_WAIT_MS)
    }),
  )
}
