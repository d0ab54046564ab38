import type { Ref } from 'react'

/**
 * The NHS.UK error summary: what is wrong, each a link to the field it is about. The page moves focus
 * to it (through `ref`) after a failed submit, so a screen reader hears it first.
 */
export function ErrorSummary(props: {
  problems: ReadonlyArray<{ target: string; text: string }>
  ref?: Ref<HTMLDivElement>
  testId?: string
}) {
  if (props.problems.length === 0) return null
  return (
    <div className="nhsuk-error-summary" ref={props.ref} tabIndex={-1} data-testid={props.testId}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {props.problems.map(({ target, text }) => (
              <li key={`${target}-${text}`}>
                <a href={`#${target}`}>{text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}
