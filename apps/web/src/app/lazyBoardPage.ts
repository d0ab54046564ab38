import { preloadable } from './preloadable.tsx'

// The live board (Yjs, its connection, the conversation) loads apart from the join form, and while
// someone fills the form in; once here it renders at once (see preloadable).
export const BoardPage = preloadable(() => import('../board/BoardPage.tsx').then((m) => m.BoardPage))
