import { lazy, Suspense } from 'react'
import { HomePage } from './app/HomePage.tsx'
import { BoardPage, reopenBoard } from './app/lazyBoardPage.ts'
import { useRoute } from './app/navigation.ts'
import { parseRoute } from './app/route.ts'
import { UpdateNotice } from './app/UpdateNotice.tsx'
import { AnnouncerProvider } from './board/Announcer.tsx'
import { Loading, NoticePage } from './components/NoticePage.tsx'
import { JoinPage } from './join/JoinPage.tsx'

/**
 * Resolves when the first page can be drawn without waiting for its code: a board opened directly (a
 * reload, a bookmark) fetches the board's code, and starts opening the board, before the first render
 * rather than during it.
 */
export function firstPageReady(): Promise<unknown> {
  const route = parseRoute(window.location.pathname)
  return route.name === 'board' ? reopenBoard(route.assessmentId) : Promise.resolve()
}
// Staff pages load only for staff.
const StaffHomePage = lazy(() =>
  import('./staff/StaffHomePage.tsx').then((m) => ({ default: m.StaffHomePage })),
)
const StaffJoinPage = lazy(() =>
  import('./staff/StaffJoinPage.tsx').then((m) => ({ default: m.StaffJoinPage })),
)
const NewAssessmentPage = lazy(() =>
  import('./staff/NewAssessmentPage.tsx').then((m) => ({ default: m.NewAssessmentPage })),
)
const AboutFrameworkPage = lazy(() =>
  import('./framework/AboutFrameworkPage.tsx').then((m) => ({ default: m.AboutFrameworkPage })),
)

export function App() {
  const route = useRoute()
  return (
    <AnnouncerProvider>
      {route.name === 'home' ? (
        <HomePage />
      ) : route.name === 'join' ? (
        <JoinPage key={route.token} token={route.token} />
      ) : route.name === 'board' ? (
        <Suspense fallback={<Loading what="the board" />}>
          <BoardPage
            key={route.assessmentId}
            assessmentId={route.assessmentId}
            areaId={route.areaId}
            page={route.page}
          />
        </Suspense>
      ) : route.name === 'about' ? (
        <Suspense fallback={<Loading what="the framework" />}>
          <AboutFrameworkPage key={route.frameworkId} frameworkId={route.frameworkId} />
        </Suspense>
      ) : route.name === 'staffHome' || route.name === 'newAssessment' || route.name === 'staffJoin' ? (
        <Suspense fallback={<Loading what="the page" />}>
          {route.name === 'staffHome' ? (
            <StaffHomePage />
          ) : route.name === 'newAssessment' ? (
            <NewAssessmentPage />
          ) : (
            <StaffJoinPage key={route.token} token={route.token} />
          )}
        </Suspense>
      ) : (
        <NoticePage heading="Page not found">
          <p>If you typed the web address, check it is correct.</p>
          <p>If you pasted an invite link, check you copied the whole link.</p>
        </NoticePage>
      )}
      <UpdateNotice />
    </AnnouncerProvider>
  )
}
