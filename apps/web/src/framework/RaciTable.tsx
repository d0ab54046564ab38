import type { RaciRow } from './frameworkTypes.ts'

/**
 * The RACI matrix as a data table: one row per category, its meaning and its examples, with row and
 * column headers, so a screen reader announces "Accountable, Examples" in each cell. The container
 * scrolls on a narrow screen and can take focus, so a keyboard can scroll it too.
 */
export function RaciTable({ rows, id }: { rows: readonly RaciRow[]; id: string }) {
  const captionId = `${id}-caption`
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="co-table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="nhsuk-table co-raci" id={id}>
        <caption className="nhsuk-table__caption" id={captionId}>
          RACI matrix: examples of who is responsible, accountable, consulted and informed
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Category
            </th>
            <th scope="col" className="nhsuk-table__header">
              What it means
            </th>
            <th scope="col" className="nhsuk-table__header">
              Examples
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <tr key={row.id} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                {row.label}
              </th>
              <td className="nhsuk-table__cell">{row.question}</td>
              <td className="nhsuk-table__cell">
                <ul className="nhsuk-list nhsuk-list--bullet co-raci__examples">
                  {row.examples.map((example) => (
                    <li key={example}>{example}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
