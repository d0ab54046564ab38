import { HomePage } from './app/HomePage.tsx'
import { useRoute } from './app/navigation.ts'
import { AnnouncerProvider } from './board/Announcer.tsx'
import { BoardPage } from './board/BoardPage.tsx'
import { NoticePage } from './components/NoticePage.tsx'
import { JoinPage } from './join/JoinPage.tsx'

export function App() {
  const route = useRoute()
  return (
    <AnnouncerProvider>
      {route.name === 'home' ? (
        <HomePage />
      ) : route.name === 'join' ? (
        <JoinPage key={route.token} token={route.token} />
      ) : route.name === 'board' ? (
        <BoardPage
          key={route.assessmentId}
          assessmentId={route.assessmentId}
          areaId={route.areaId}
          page={route.page}
        />
      ) : (
        <NoticePage heading="Page not found">
          <p>If you typed the web address, check it is correct.</p>
          <p>If you pasted an invite link, check you copied the whole link.</p>
        </NoticePage>
      )}
    </AnnouncerProvider>
  )
}
