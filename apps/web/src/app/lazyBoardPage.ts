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
