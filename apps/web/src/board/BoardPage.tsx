import { useEffect, useMemo, useRef, useState } from 'react'
import { ApiError } from '../api/apiFetch.ts'
import type { AssessmentDetail } from '../api/apiTypes.ts'
import { Loading, NoticePage } from '../components/NoticePage.tsx'
import type { Framework } from '../framework/frameworkTypes.ts'
import { clearBoardCopy, loadBoardCopy, saveBoardCopy } from '../session/boardCopy.ts'
import { SessionKeeper, SignedOutError } from '../session/sessionKeeper.ts'
import { BoardScreen } from './BoardScreen.tsx'
import type { BoardConnection } from './connection/BoardConnection.ts'
import { takeEarlyBoard } from './earlyBoard.ts'
import { exposeForTests } from './exposeForTests.ts'
import { type BoardData, fetchBoardData, openConnection } from './openBoard.ts'

// The join page opens the board through this chunk while the equality questions are on screen.
export { earlyBoardLoaded, startBoardEarly } from './earlyBoard.ts'

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; detail: AssessmentDetail; framework: Framework; fromCopy: boolean }
  | { state: 'failed'; message: string }

/** No answer from the server at all (offline), or none from behind its proxy: not a refusal. */
const unreachable = (error: unknown) =>
  error instanceof ApiError &&
  (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504)

/** The server answered and said no: not a dropped connection or a busy server. */
const refused = (error: unknown) =>
  error instanceof ApiError && (error.status === 403 || error.status === 404 || error.status === 410)

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** /a/:assessmentId — the person's stored session, the assessment, its framework, then the live board. */
export function BoardPage({
  assessmentId,
  areaId,
  page,
}: {
  assessmentId: string
  areaId: string | null
  page?: 'reports' | undefined
}) {
  // Joined a moment ago: the join page may have opened the board already (earlyBoard.ts).
  const early = useMemo(() => takeEarlyBoard(assessmentId), [assessmentId])
  const keeper = useMemo(
    () => early?.keeper ?? SessionKeeper.open(localStorage, assessmentId),
    [early, assessmentId],
  )
  // Each is used once: a later connection or fetch (a remount, "Try again") starts afresh.
  const earlyConnection = useRef<BoardConnection | null>(early?.connection ?? null)
  const earlyData = useRef<Promise<BoardData> | null>(early?.data ?? null)
  const [signedOut, setSignedOut] = useState<string | null>(early?.signedOut ?? null)
  // A board opened on this device before is drawn at once from the copy kept then (and from its
  // y-indexeddb copy), while the fresh assessment and framework are fetched: a reload shows the board
  // straight away and says it is connecting until the server has confirmed it.
  const [loaded, setLoaded] = useState<Loaded>(() => {
    const copy = keeper ? loadBoardCopy(localStorage, assessmentId, keeper.current.person.id) : null
    if (copy) return { state: 'ready', ...copy, fromCopy: true }
    // Opened early and fetched already: the board is drawn in this first render.
    return early?.ready ? { state: 'ready', ...early.ready, fromCopy: false } : { state: 'loading' }
  })
  // Opened on this device before (its copy is kept): the board's own copy is in IndexedDB too.
  const openedBefore = useRef(loaded.state === 'ready' && loaded.fromCopy)
  const [attempt, setAttempt] = useState(0)
  const [connection, setConnection] = useState<BoardConnection | null>(early?.connection ?? null)

  useEffect(() => {
    if (!keeper) return
    const off = keeper.onChange((session, reason) => {
      if (session) return
      clearBoardCopy(localStorage, assessmentId)
      setSignedOut(reason ?? 'Your sign-in has ended.')
    })
    return () => {
      off()
      keeper.stop()
    }
  }, [keeper, assessmentId])

  useEffect(() => {
    if (!keeper) return
    const live = earlyConnection.current ?? openConnection(keeper, assessmentId, openedBefore.current)
    earlyConnection.current = null
    setConnection(live)
    const unexpose = exposeForTests(live)
    return () => {
      unexpose()
      live.destroy()
    }
  }, [keeper, assessmentId])

  useEffect(() => {
    if (!keeper) return
    void attempt
    let cancelled = false
    const load = async () => {
      try {
        // A fetch started early, behind the join page's questions, that failed (busy server, a blip)
        // is asked again now rather than shown: the person has only just arrived at the board.
        const started = earlyData.current
        const fetched = started
          ? started.catch(() => fetchBoardData(keeper, assessmentId))
          : fetchBoardData(keeper, assessmentId)
        earlyData.current = null
        const { detail, framework } = await fetched
        saveBoardCopy(localStorage, keeper.current.person.id, { detail, framework })
        // What did not change keeps its object, so the board on screen is not read and drawn again.
        if (!cancelled)
          setLoaded((now) => {
            if (now.state !== 'ready') return { state: 'ready', detail, framework, fromCopy: false }
            const next: Loaded = {
              state: 'ready',
              detail: now.detail === detail || sameJson(now.detail, detail) ? now.detail : detail,
              framework:
                now.framework === framework || sameJson(now.framework, framework) ? now.framework : framework,
              fromCopy: false,
            }
            // Nothing new (the board was drawn from this very answer): the page is not drawn again.
            return next.detail === now.detail && next.framework === now.framework && !now.fromCopy
              ? now
              : next
          })
      } catch (error) {
        if (cancelled || error instanceof SignedOutError) return
        // Offline: open the board with what this device last had for this person; the board itself
        // comes from y-indexeddb, and the status bar says it is offline with changes waiting.
        const copy = unreachable(error)
          ? loadBoardCopy(localStorage, assessmentId, keeper.current.person.id)
          : null
        if (copy) {
          setLoaded({ state: 'ready', ...copy, fromCopy: true })
          return
        }
        const message = error instanceof Error ? error.message : 'Something went wrong.'
        // A board already open stays open when fetching it again fails, unless it is only the device's
        // copy and the server has refused it (the board was removed, or this person can no longer see it).
        setLoaded((now) =>
          now.state === 'ready' && !(now.fromCopy && refused(error)) ? now : { state: 'failed', message },
        )
      }
    }
    void load()
    return () => {
      cancelled = true
    }
  }, [keeper, assessmentId, attempt])

  // Opened from the device's copy: fetch the fresh assessment (new participants, a changed title) once
  // the connection is back.
  const fromCopy = loaded.state === 'ready' && loaded.fromCopy
  useEffect(() => {
    if (!fromCopy) return
    const retry = () => setAttempt((n) => n + 1)
    window.addEventListener('online', retry)
    return () => window.removeEventListener('online', retry)
  }, [fromCopy])

  if (!keeper) {
    return (
      <NoticePage heading="You have not joined this board on this device">
        <p>To take part, open the invite link that the chair of the session sent you.</p>
        <p>If you joined on another phone or computer, open your invite link again on this one.</p>
      </NoticePage>
    )
  }
  if (signedOut) {
    return (
      <NoticePage heading="You are signed out of this board">
        <p>{signedOut}</p>
        <p>Ask the chair of the session for a new invite link.</p>
      </NoticePage>
    )
  }
  if (loaded.state === 'failed') {
    return (
      <NoticePage heading="The board could not be opened">
        <p>{loaded.message}</p>
        <button type="button" className="nhsuk-button" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </NoticePage>
    )
  }
  if (loaded.state === 'loading' || !connection) return <Loading what="the board" />
  return (
    <BoardScreen
      assessment={loaded.detail.assessment}
      framework={loaded.framework}
      connection={connection}
      keeper={keeper}
      areaId={areaId}
      page={page}
    />
  )
}
