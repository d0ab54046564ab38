import type { ReactNode } from 'react'
import { ProjectorToggle } from './ProjectorToggle.tsx'

/** NHS.UK header, skip link and main landmark shared by every page. */
export function PageShell(props: {
  title?: string
  homeHref?: string
  statusBar?: ReactNode
  children: ReactNode
  wide?: boolean
}) {
  const container = props.wide ? 'nhsuk-width-container co-wide' : 'nhsuk-width-container'
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <header className="nhsuk-header">
        <div className={`nhsuk-header__container ${container}`}>
          <div className="nhsuk-header__service">
            <a className="nhsuk-header__service-name" href={props.homeHref ?? '/'}>
              Co-assess
              {props.title ? <span className="co-header__title">{props.title}</span> : null}
            </a>
          </div>
          <div className="co-header__tools">
            <ProjectorToggle />
          </div>
        </div>
        {props.statusBar ? <div className={`co-status-bar ${container}`}>{props.statusBar}</div> : null}
      </header>
      <div className={container}>
        <main className="nhsuk-main-wrapper co-main" id="maincontent">
          {props.children}
        </main>
      </div>
    </>
  )
}
