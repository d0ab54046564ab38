import { plainDate } from '@co-assess/board-model'
import type { Framework } from '../framework/frameworkTypes.ts'
import { placeRollup } from './placeRollup.ts'
import type { PlaceLevels } from './staffApi.ts'

/** The system roll-up for one framework: each Place's latest agreed levels side by side, and their spread. */
export function PlaceRollupView({ places, framework }: { places: PlaceLevels[]; framework: Framework }) {
  const rows = placeRollup(places, framework)
  return (
    <div className="co-table-scroll">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">
          {framework.title}: each Place’s latest assessment
        </caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Area</th>
            {places.map((p) => (
              <th scope="col" key={p.place}>
                {p.place}
                <br />
                <span className="nhsuk-body-s">{plainDate(p.createdAt)}</span>
              </th>
            ))}
            <th scope="col">Spread across Places</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={places.length + 2}>No Place has agreed a level yet.</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.areaId}>
                <th scope="row">
                  {row.areaId} {row.title}
                </th>
                {row.byPlace.map((level, i) => (
                  <td key={places[i]!.place}>{level ?? 'No level agreed'}</td>
                ))}
                <td>{row.spread}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}
