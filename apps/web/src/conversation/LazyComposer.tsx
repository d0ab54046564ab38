import { lazy, Suspense } from 'react'
import type { Composer as ComposerComponent } from './Composer.tsx'

const Loaded = lazy(() => import('./Composer.tsx').then((m) => ({ default: m.Composer })))

/**
 * The comment editor, loaded when it is first shown: TipTap is most of the app's JavaScript and the
 * board, its overview and the join page show no editor until someone replies or writes.
 */
export function Composer(props: Parameters<typeof ComposerComponent>[0]) {
  return (
    <Suspense fallback={<p className="nhsuk-body-s">Loading the editor…</p>}>
      <Loaded {...props} />
    </Suspense>
  )
}
