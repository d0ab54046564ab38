import { useId } from 'react'
import type { Framework } from '../framework/frameworkTypes.ts'
import { type HistorySeries, historySeries, historySummary } from './historySeries.ts'
import type { WorkstreamHistory } from './staffApi.ts'

// Light to dark in the NHS palette, so the order of the levels reads from the shade as well as the
// stack's order and the legend; each segment also carries its number.
const SHADES = ['#d8dde0', '#41b6e6', '#005eb8', '#003087', '#212b32']
const INK = ['#212b32', '#212b32', '#ffffff', '#ffffff', '#ffffff']

const BAR = 56
const GAP = 40
const HEIGHT = 200
const TOP = 16
const LEFT = 40

/** "3 November 2026" as two lines under a bar ("3 November", "2026"), so neighbouring dates never overlap. */
function dateLines(date: string): [string, string] {
  const cut = date.lastIndexOf(' ')
  return cut === -1 ? [date, ''] : [date.slice(0, cut), date.slice(cut + 1)]
}

/** The chart names itself with its own <title> and <desc>, so it reads the same wherever it is put. */
function StackedBars({
  series,
  title,
  description,
  idBase,
}: {
  series: HistorySeries
  title: string
  description: string
  idBase: string
}) {
  const titleId = `${idBase}-title`
  const descId = `${idBase}-desc`
  const most = Math.max(1, ...series.columns.map((c) => c.counts.reduce((a, b) => a + b, 0)))
  const width = LEFT + series.columns.length * (BAR + GAP) + GAP
  const scale = HEIGHT / most
  return (
    <svg
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${width} ${TOP + HEIGHT + 48}`}
      width="100%"
      style={{ maxWidth: `${width}px` }}
      className="co-history-chart"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <line x1={LEFT} y1={TOP + HEIGHT} x2={width} y2={TOP + HEIGHT} stroke="#4c6272" />
      <text x={LEFT - 8} y={TOP + HEIGHT} textAnchor="end" fontSize="14" fill="#212b32">
        0
      </text>
      <text x={LEFT - 8} y={TOP + 10} textAnchor="end" fontSize="14" fill="#212b32">
        {most}
      </text>
      {series.columns.map((column, ci) => {
        const x = LEFT + GAP + ci * (BAR + GAP)
        let y = TOP + HEIGHT
        return (
          <g key={column.id}>
            {column.counts.map((count, li) => {
              if (count === 0) return null
              const h = count * scale
              y -= h
              return (
                <g key={series.levels[li]!.id}>
                  <rect
                    x={x}
                    y={y}
                    width={BAR}
                    height={h}
                    fill={SHADES[li % SHADES.length]}
                    stroke="#212b32"
                  />
                  {h >= 16 ? (
                    <text
                      x={x + BAR / 2}
                      y={y + h / 2 + 5}
                      textAnchor="middle"
                      fontSize="14"
                      fill={INK[li % INK.length]}
                    >
                      {count}
                    </text>
                  ) : null}
                </g>
              )
            })}
            <text x={x + BAR / 2} y={TOP + HEIGHT + 20} textAnchor="middle" fontSize="13" fill="#212b32">
              <tspan x={x + BAR / 2}>{dateLines(column.date)[0]}</tspan>
              <tspan x={x + BAR / 2} dy="16">
                {dateLines(column.date)[1]}
              </tspan>
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** One workstream's history: a chart of areas at each level per assessment, and the table it is drawn from. */
export function WorkstreamHistoryView({
  history,
  framework,
}: {
  history: WorkstreamHistory
  framework: Framework
}) {
  const series = historySeries(history, framework)
  const base = useId()
  return (
    <section className="co-history" aria-labelledby={`${base}-heading`}>
      <h3 id={`${base}-heading`}>{history.workstream}</h3>
      <p className="nhsuk-body-s">
        {framework.title}: {series.columns.length}{' '}
        {series.columns.length === 1 ? 'assessment' : 'assessments'}
      </p>
      <StackedBars
        series={series}
        idBase={base}
        title={`Chart: ${history.workstream}, areas agreed at each level`}
        description={`${historySummary(series)} The table after the chart gives each area’s level.`}
      />
      <ul className="co-history-legend nhsuk-list" aria-label="Key">
        {series.levels.map((level, i) => (
          <li key={level.id}>
            <span
              className="co-history-swatch"
              style={{ background: SHADES[i % SHADES.length] }}
              aria-hidden="true"
            />
            {level.label}
          </li>
        ))}
      </ul>
      {series.rows.length === 0 ? (
        <p>No levels have been agreed in this workstream yet.</p>
      ) : (
        <div className="co-table-scroll">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">
              Agreed level of each area, by assessment
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Area</th>
                {series.columns.map((column) => (
                  <th scope="col" key={column.id}>
                    {column.title}
                    <br />
                    <time className="nhsuk-body-s" dateTime={column.at}>
                      {column.date}
                    </time>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {series.rows.map((row) => (
                <tr key={row.areaId}>
                  <th scope="row">
                    {row.areaId} {row.title}
                  </th>
                  {row.levels.map((level, i) => (
                    <td key={series.columns[i]!.id}>{level ?? 'No level agreed'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
