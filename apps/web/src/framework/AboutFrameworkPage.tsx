import { useEffect, useState } from 'react'
import { ApiError } from '../api/apiFetch.ts'
import { getFramework } from '../api/endpoints.ts'
import { aboutFrom, boardPath } from '../app/route.ts'
import { Loading, NoticePage } from '../components/NoticePage.tsx'
import { PageShell } from '../components/PageShell.tsx'
import { AboutFramework } from './AboutFramework.tsx'
import type { Framework } from './frameworkTypes.ts'

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; framework: Framework }
  | { state: 'failed'; message: string }

/** /frameworks/:id/about: the framework's guidance, readable without joining a board. */
export function AboutFrameworkPage({ frameworkId }: { frameworkId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const from = aboutFrom(window.location.search)

  useEffect(() => {
    void attempt
    let cancelled = false
    getFramework(frameworkId).then(
      (framework) => {
        if (!cancelled) setLoaded({ state: 'ready', framework })
      },
      (error: unknown) => {
        if (cancelled) return
        const message =
          error instanceof ApiError && error.status === 404
            ? 'There is no framework at this address. Check the link you followed.'
            : 'The framework could not be loaded. Check your connection and try again.'
        setLoaded({ state: 'failed', message })
      },
    )
    return () => {
      cancelled = true
    }
  }, [frameworkId, attempt])

  const title = loaded.state === 'ready' ? loaded.framework.title : null
  useEffect(() => {
    document.title = title
      ? `About this framework – ${title} – Co-assess`
      : 'About this framework – Co-assess'
  }, [title])

  if (loaded.state === 'loading') return <Loading what="the framework" />
  if (loaded.state === 'failed') {
    return (
      <NoticePage heading="About this framework">
        <p>{loaded.message}</p>
        <button type="button" className="nhsuk-button" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </NoticePage>
    )
  }
  const backHref = from ? boardPath(from) : null
  return (
    <PageShell title="About this framework" homeHref={backHref ?? '/'}>
      <AboutFramework framework={loaded.framework} backHref={backHref} />
    </PageShell>
  )
}
