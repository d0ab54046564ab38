import { type BoardView, readLive, viewShape, writesTheBoard } from '@co-assess/board-model'
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AssessmentRecord } from '../api/apiTypes.ts'
import { navigate } from '../app/navigation.ts'
import { boardPath } from '../app/route.ts'
import { PageShell } from '../components/PageShell.tsx'
import { useProjectorMode } from '../components/projectorMode.ts'
import { indexFramework } from '../framework/frameworkIndex.ts'
import type { Framework } from '../framework/frameworkTypes.ts'
import type { SessionKeeper } from '../session/sessionKeeper.ts'
import { useAnnounce } from './Announcer.tsx'
import { AreaView } from './area/AreaView.tsx'
import { BoardContext, type BoardContextValue } from './BoardContext.tsx'
import { boardActions } from './boardActions.ts'
import type { BoardConnection, ConnectionSnapshot } from './connection/BoardConnection.ts'
import { LiveStateProvider, useConnectionFact } from './liveState.tsx'
import { Overview } from './overview/Overview.tsx'
import { serverClock } from './serverClock.ts'
import { StatusBar } from './status/StatusBar.tsx'
import { useBoard } from './useBoard.ts'
import { useLocalPresence } from './usePresence.ts'
import { useRemoteEvents } from './useRemoteEvents.ts'
import { useTimeUpAnnouncements } from './useTimeUpAnnouncements.ts'

// Reports are read now and then, by chairs mostly: loaded when first opened.
const ReportsPage = lazy(() => import('../reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })))

/**
 * The live board. Kept (memo) while its props are the same: the page around it draws again when the
 * assessment is fetched afresh after a reload, and an answer with nothing new must not draw the board.
 */
export const BoardScreen = memo(function BoardScreen(props: {
  assessment: AssessmentRecord
  framework: Framework
  connection: BoardConnection
  keeper: SessionKeeper
  areaId: string | null
  page?: 'reports' | undefined
}) {
  const { assessment, framework, connection, keeper, areaId, page } = props
  const person = keeper.current.person
  // Only a replaced document draws the whole board again; the connection's other states, a new
  // provider after a drop and who is here are read below, by the parts that use them (liveState.tsx).
  const documents = useConnectionFact(connection, documentsOf)
  const shape = useMemo(() => viewShape(framework), [framework])
  const view = useBoard(connection, documents, person.id, shape)
  // The connection's awareness lasts across reconnections (each replaces the provider); a replaced
  // document (documents) brings a new one, and this reads it again then.
  const awareness = connection.awareness
  const announce = useAnnounce()
  const areas = useMemo(() => indexFramework(framework), [framework])
  const isChair = person.role === 'chair'
  const canWrite = writesTheBoard(person.role)
  const [following, setFollowingState] = useState(!isChair)
  // A chair's device in projector mode shows the room, so it goes where the chair takes everyone.
  const audience = useProjectorMode()
  const follows = audience || (!isChair && following)

  useLocalPresence(awareness, {
    user: { id: person.id, name: person.name, color: person.colour, role: person.role, group: person.group },
    area: areaId,
    following,
  })

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new document needs new actions
  const actions = useMemo(
    () =>
      boardActions({ doc: connection.doc, blindDoc: connection.blindDoc }, person.id, () =>
        readLive(connection.doc),
      ),
    [connection, documents, person.id],
  )

  // "Follow me": go where the chair brings everyone, each time they do, unless stepped away.
  const focus = view.live.focus
  const focusKey = focus ? `${focus.areaId}@${focus.at}` : ''
  const followedTo = useRef<string | null>(null)
  const lastFocusKey = useRef('')
  useEffect(() => {
    // Reading reports is stepping aside for a moment: "follow me" waits until the person is back on the board.
    if (!follows || page === 'reports' || !focus?.areaId || !focusKey) return
    if (focusKey === lastFocusKey.current) return
    lastFocusKey.current = focusKey
    if (areas.has(focus.areaId) && focus.areaId !== areaId) {
      followedTo.current = focus.areaId
      navigate(boardPath(assessment.id, focus.areaId))
    }
  }, [follows, page, focusKey, focus?.areaId, areaId, areas, assessment.id])

  // Moving to another area by hand while following is stepping away; the toggle brings you back.
  // Only a move counts: when the chair moves everyone on, this runs before the page has followed,
  // and the person still on the old area has not stepped away.
  const lastAreaId = useRef(areaId)
  useEffect(() => {
    const moved = areaId !== lastAreaId.current
    lastAreaId.current = areaId
    if (!moved || isChair || !following || !focus?.areaId || !areaId) return
    if (areaId !== focus.areaId && areaId !== followedTo.current) setFollowingState(false)
    followedTo.current = null
  }, [areaId, isChair, following, focus?.areaId])

  // While the chair leads ("Bring everyone to…" until "Let everyone move freely"), the room goes where
  // the chair goes: "Next area", a link, the address bar. The overview and reports are the chair's own.
  // Only this device's own moves count: a chair's second device (a projector) on another area must
  // not pull the room back each time the focus changes.
  const leading = isChair && !audience && !!focus?.areaId
  const chairWasOn = useRef(areaId)
  useEffect(() => {
    const moved = areaId !== chairWasOn.current
    chairWasOn.current = areaId
    if (moved && leading && areaId && areas.has(areaId) && areaId !== focus?.areaId) actions.focus(areaId)
  }, [leading, areaId, areas, focus?.areaId, actions])

  const focusAreaId = focus?.areaId
  const setFollowing = useCallback(
    (next: boolean) => {
      setFollowingState(next)
      if (next && focusAreaId && focusAreaId !== areaId && areas.has(focusAreaId)) {
        followedTo.current = focusAreaId
        lastFocusKey.current = focusKey
        navigate(boardPath(assessment.id, focusAreaId))
      }
    },
    [focusAreaId, focusKey, areaId, areas, assessment.id],
  )

  // The same object while none of it changes: every part of the board reads it, so a new one draws
  // the whole board again.
  const value: BoardContextValue = useMemo(
    () => ({
      assessment,
      framework,
      areas,
      view,
      actions,
      person,
      canWrite,
      isChair,
      connection,
      keeper,
      following,
      setFollowing,
      audience,
    }),
    [
      assessment,
      framework,
      areas,
      view,
      actions,
      person,
      canWrite,
      isChair,
      connection,
      keeper,
      following,
      setFollowing,
      audience,
    ],
  )

  const place = areaId ? areas.get(areaId) : undefined
  useEffect(() => {
    document.title =
      page === 'reports'
        ? `Reports and sharing – ${assessment.title} – Co-assess`
        : place
          ? `${place.area.id} ${place.area.title} – ${assessment.title} – Co-assess`
          : `${assessment.title} – Co-assess`
  }, [place, assessment.title, page])

  return (
    <BoardContext.Provider value={value}>
      <LiveStateProvider connection={connection} awareness={awareness} personId={person.id}>
        <TimeUpAnnouncements timers={view.live.timers} announce={announce} />
        <ServerClockSync connection={connection} />
        <RemoteEvents connection={connection} levels={framework.levels} announce={announce} />
        <PageShell
          title={assessment.title}
          homeHref={boardPath(assessment.id)}
          statusBar={<StatusBar />}
          wide
        >
          {page === 'reports' ? (
            <Suspense fallback={<p>Loading the reports…</p>}>
              <ReportsPage />
            </Suspense>
          ) : areaId && place ? (
            <AreaView key={`${areaId}`} place={place} />
          ) : areaId ? (
            <div>
              <h1>There is no area {areaId} in this framework</h1>
              <p>
                <a
                  href={boardPath(assessment.id)}
                  onClick={(e) => {
                    e.preventDefault()
                    navigate(boardPath(assessment.id))
                  }}
                >
                  See all areas
                </a>
              </p>
            </div>
          ) : (
            <Overview />
          )}
        </PageShell>
      </LiveStateProvider>
    </BoardContext.Provider>
  )
})

const generationOf = (snapshot: ConnectionSnapshot) => snapshot.generation
const documentsOf = (snapshot: ConnectionSnapshot) => snapshot.documents
const isConnected = (snapshot: ConnectionSnapshot) => snapshot.status === 'connected'

/**
 * Area timers run on the server's clock. Look at it whenever the board connects: on opening, and
 * after a drop, since the device's clock may have been changed in the meantime. A component of its
 * own, so that connecting draws nothing else again.
 */
function ServerClockSync({ connection }: { connection: BoardConnection }) {
  const connected = useConnectionFact(connection, isConnected)
  useEffect(() => {
    if (connected) void serverClock.sync()
  }, [connected])
  return null
}

/**
 * Reads out what other people change. Its own component: it listens to the provider itself, which a
 * reconnection replaces, and that must not draw the board again.
 */
function RemoteEvents(props: {
  connection: BoardConnection
  levels: Framework['levels']
  announce: ReturnType<typeof useAnnounce>
}) {
  const generation = useConnectionFact(props.connection, generationOf)
  useRemoteEvents(props.connection, generation, props.levels, props.announce)
  return null
}

/**
 * Says "Time is up" when an area's timer runs out. Its own component: it follows the server clock's
 * offset, which each connection looks at again, and that must not draw the board again.
 */
function TimeUpAnnouncements(props: {
  timers: BoardView['live']['timers']
  announce: ReturnType<typeof useAnnounce>
}) {
  useTimeUpAnnouncements(props.timers, props.announce)
  return null
}
