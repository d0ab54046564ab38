import type { BoardConnection } from './connection/BoardConnection.ts'
import { serverClock } from './serverClock.ts'

interface TestWindow {
  __coAssessTestHooks?: boolean
  __coAssess?: unknown
}

/**
 * Browser tests check what a browser actually received (a blind tick must not reach the others'
 * documents). They opt in by setting `window.__coAssessTestHooks` before the page loads; nothing is
 * exposed otherwise.
 */
export function exposeForTests(connection: BoardConnection): () => void {
  const w = window as unknown as TestWindow
  if (w.__coAssessTestHooks !== true) return () => {}
  w.__coAssess = {
    get doc() {
      return connection.doc
    },
    get blindDoc() {
      return connection.blindDoc
    },
    get provider() {
      return connection.provider
    },
    get snapshot() {
      return connection.getSnapshot()
    },
    /** How far the server's clock is from this browser's, once learned (a test skews the browser's clock). */
    get serverClockOffset() {
      return serverClock.getOffset()
    },
  }
  return () => {
    w.__coAssess = undefined
  }
}
