import type { ReactNode } from 'react'
import { PageShell } from './PageShell.tsx'

/** A whole page that explains one thing and what to do next (bad link, signed out, not found). */
export function NoticePage(props: { heading: string; children: ReactNode; title?: string }) {
  return (
    <PageShell title={props.title}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{props.heading}</h1>
          {props.children}
        </div>
      </div>
    </PageShell>
  )
}

export function Loading({ what }: { what: string }) {
  return (
    <PageShell>
      <p>Loading {what}…</p>
    </PageShell>
  )
}
