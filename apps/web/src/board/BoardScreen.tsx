import { readLive, viewShape, writesTheBoard } from '@co-assess/board-model'
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
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
import type { BoardConnection } from './connection/BoardConnection.ts'
import { Overview } from './overview/Overview.tsx'
import { serverClock } from './serverClock.ts'
import { StatusBar } from './status/StatusBar.tsx'
import { useBoard } from './useBoard.ts'
import { useConnectionState } from './useConnectionState.ts'
import { useLocalPresence, usePresence } from './usePresence.ts'
import { useRemoteEvents } from './useRemoteEvents.ts'
import { useTimeUpAnnouncements } from './useTimeUpAnnouncements.ts'

// Reports are read now and then, by chairs mostly: loaded when first opened.
const ReportsPage = lazy(() => import('../reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })))

export function BoardScreen(props: {
  assessment: AssessmentRecord
  framework: Framework
  connection: BoardConnection
  keeper: SessionKeeper
  areaId: string | null
  page?: 'reports' | undefined
}) {
  const { assessment, framework, connection, keeper, areaId, page } = props
  const person = keeper.current.person
  const sync = useConnectionState(connection)
  const shape = useMemo(() => viewShape(framework), [framework])
  const view = useBoard(connection, sync.generation, person.id, shape)
  const provider = connection.provider
  const presence = usePresence(provider, person.id)
  const announce = useAnnounce()
  const areas = useMemo(() => indexFramework(framework), [framework])
  const isChair = person.role === 'chair'
  const canWrite = writesTheBoard(person.role)
  const [following, setFollowingState] = useState(!isChair)
  // A chair's device in projector mode shows the room, so it goes where the chair takes everyone.
  const audience = useProjectorMode()
  const follows = audience || (!isChair && following)

  useRemoteEvents(connection, sync.generation, framework.levels, announce)
  useTimeUpAnnouncements(view.live.timers, announce)

  // Area timers run on the server's clock. Look at it whenever the board connects: on opening, and
  // after a drop, since the device's clock may have been changed in the meantime.
  const connected = sync.status === 'connected'
  useEffect(() => {
    if (connected) void serverClock.sync()
  }, [connected])

  useLocalPresence(provider, {
    user: { id: person.id, name: person.name, color: person.colour, role: person.role, group: person.group },
    area: areaId,
    following,
  })

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new document (generation) needs new actions
  const actions = useMemo(
    () =>
      boardActions({ doc: connection.doc, blindDoc: connection.blindDoc }, person.id, () =>
        readLive(connection.doc),
      ),
    [connection, sync.generation, person.id],
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

  const setFollowing = (next: boolean) => {
    setFollowingState(next)
    if (next && focus?.areaId && focus.areaId !== areaId && areas.has(focus.areaId)) {
      followedTo.current = focus.areaId
      lastFocusKey.current = focusKey
      navigate(boardPath(assessment.id, focus.areaId))
    }
  }

  const value: BoardContextValue = {
    assessment,
    framework,
    areas,
    view,
    actions,
    person,
    canWrite,
    isChair,
    presence,
    connection,
    sync,
    keeper,
    following,
    setFollowing,
    audience,
  }

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
      <PageShell title={assessment.title} homeHref={boardPath(assessment.id)} statusBar={<StatusBar />} wide>
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
    </BoardContext.Provider>
  )
}
