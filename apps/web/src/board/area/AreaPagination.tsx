import { boardPath } from '../../app/route.ts'
import { AppLink } from '../../components/AppLink.tsx'
import type { AreaPlace } from '../../framework/frameworkIndex.ts'
import { useBoardContext } from '../BoardContext.tsx'

export function AreaPagination({ place }: { place: AreaPlace }) {
  const { assessment } = useBoardContext()
  const { previous, next } = place
  return (
    <nav className="nhsuk-pagination" aria-label="Previous and next area">
      <ul className="nhsuk-list nhsuk-pagination__list">
        {previous ? (
          <li className="nhsuk-pagination-item--previous">
            <AppLink
              className="nhsuk-pagination__link nhsuk-pagination__link--prev"
              href={boardPath(assessment.id, previous.id)}
              rel="prev"
            >
              <span className="nhsuk-pagination__title">
                Previous<span className="nhsuk-u-visually-hidden"> area</span>
              </span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                {previous.id} {previous.title}
              </span>
            </AppLink>
          </li>
        ) : null}
        {next ? (
          <li className="nhsuk-pagination-item--next">
            <AppLink
              className="nhsuk-pagination__link nhsuk-pagination__link--next"
              href={boardPath(assessment.id, next.id)}
              rel="next"
            >
              <span className="nhsuk-pagination__title">
                Next<span className="nhsuk-u-visually-hidden"> area</span>
              </span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                {next.id} {next.title}
              </span>
            </AppLink>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
