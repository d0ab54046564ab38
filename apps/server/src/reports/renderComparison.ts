import { type Action, plainDate, readActions, readAgreedLevels } from '@co-assess/board-model'
import type { Framework } from '@co-assess/framework'
import type * as Y from 'yjs'
import { type LevelRef, levelRef } from './buildReportModel.ts'
import { type AimedAction, actionsAimedAt, aimedActionsCell } from './comparisonActions.ts'
import { escapeHtml as e } from './escapeHtml.ts'
import { htmlPage, levelClass } from './htmlPage.ts'
import type { Redaction } from './redaction.ts'

export interface ComparisonArea {
  id: string
  title: string
  phaseTitle: string
  then: LevelRef
  now: LevelRef
  /** Steps up (positive) or down; null when either side has no level on the ladder. */
  movement: number | null
  completed: Array<{ youSaid: string; weDid: string }>
  /** The earlier board's actions that aimed at this area, with their measures and targets. */
  aimed: AimedAction[]
}

export interface Comparison {
  title: string
  previousTitle: string
  previousDate: string
  currentDate: string
  levels: Array<{ label: string }>
  areas: ComparisonArea[]
  overall: { up: number; same: number; down: number; unknown: number; net: number }
}

interface Side {
  doc: Y.Doc
  title: string
  createdAt: string
}

/**
 * Then and now, per area: the agreed levels of two assessments of one workstream, and the actions
 * completed in between (done in the earlier board, or carried forward and done since).
 */
export function buildComparison(
  framework: Framework,
  before: Side,
  after: Side,
  redact: Pick<Redaction, 'text'>,
): Comparison {
  const thenLevels = readAgreedLevels(before.doc)
  const nowLevels = readAgreedLevels(after.doc)
  const completed: Action[] = [
    ...readActions(before.doc).filter((a) => a.status === 'done'),
    ...readActions(after.doc).filter((a) => a.status === 'done' && a.carriedFrom !== null),
  ]
  const aimedAt = actionsAimedAt(framework, before.doc, after.doc, redact)
  const overall = { up: 0, same: 0, down: 0, unknown: 0, net: 0 }
  const areas = framework.phases.flatMap((phase) =>
    phase.areas.map((area): ComparisonArea => {
      const then = levelRef(framework, thenLevels.get(area.id)?.level)
      const now = levelRef(framework, nowLevels.get(area.id)?.level)
      const movement = then.rank !== null && now.rank !== null ? now.rank - then.rank : null
      if (movement === null) overall.unknown += 1
      else if (movement > 0) overall.up += 1
      else if (movement < 0) overall.down += 1
      else overall.same += 1
      overall.net += movement ?? 0
      return {
        id: area.id,
        title: area.title,
        phaseTitle: phase.title,
        then,
        now,
        movement,
        completed: completed
          .filter((a) => a.areaIds.includes(area.id))
          .map((a) => ({ youSaid: redact.text(a.youSaid), weDid: redact.text(a.weDid) })),
        aimed: aimedAt(area.id, now),
      }
    }),
  )
  return {
    title: after.title,
    previousTitle: before.title,
    previousDate: plainDate(before.createdAt),
    currentDate: plainDate(after.createdAt),
    levels: framework.levels.map((l) => ({ label: l.label })),
    areas,
    overall,
  }
}

const movementText = (m: number | null) =>
  m === null ? 'Cannot compare' : m > 0 ? `Up ${m}` : m < 0 ? `Down ${-m}` : 'No change'

function chart(c: Comparison): string {
  const max = c.levels.length
  const rowHeight = 34
  const labelWidth = 70
  const barWidth = 260
  const height = c.areas.length * rowHeight + 30
  const bar = (rank: number | null, y: number, fill: string) =>
    rank === null
      ? `<text x="${labelWidth + 4}" y="${y + 10}" font-size="10" fill="#4c6272">n/a</text>`
      : `<rect x="${labelWidth}" y="${y}" width="${Math.max(2, (rank / max) * barWidth)}" height="12" fill="${fill}"/>`
  const rows = c.areas
    .map((a, i) => {
      const y = 24 + i * rowHeight
      return `<text x="0" y="${y + 14}" font-size="12" fill="#212b32">${e(a.id)}</text>${bar(a.then.rank, y, '#768692')}${bar(a.now.rank, y + 14, '#005eb8')}`
    })
    .join('')
  const legend = `<rect x="0" y="2" width="12" height="12" fill="#768692"/><text x="16" y="12" font-size="12" fill="#212b32">Then</text><rect x="70" y="2" width="12" height="12" fill="#005eb8"/><text x="86" y="12" font-size="12" fill="#212b32">Now</text>`
  // The chart repeats the table beside it, so it is hidden from assistive technology.
  return `<figure><svg viewBox="0 0 ${labelWidth + barWidth + 10} ${height}" width="100%" aria-hidden="true" focusable="false">${legend}${rows}</svg>
<figcaption>Agreed level by area: grey bars then, blue bars now; the longer the bar, the higher the level (up to ${e(c.levels[max - 1]?.label ?? '')}). The table gives the same figures.</figcaption></figure>`
}

/** The comparison view: a chart with a table beside it, and the movement overall in words. */
export function renderComparison(c: Comparison): string {
  const rows = c.areas
    .map(
      (a) =>
        `<tr><th scope="row">${e(a.id)} ${e(a.title)}</th><td class="${levelClass(a.then.rank)}">${e(a.then.label)}</td><td class="${levelClass(a.now.rank)}">${e(a.now.label)}</td><td>${e(movementText(a.movement))}</td><td>${
          a.completed.length
            ? `<ul>${a.completed.map((x) => `<li>${e(x.youSaid)}${x.weDid ? `: ${e(x.weDid)}` : ''}</li>`).join('')}</ul>`
            : 'None'
        }</td><td>${aimedActionsCell(a.aimed)}</td></tr>`,
    )
    .join('\n')
  const o = c.overall
  const body = `<h1>Progress over time: ${e(c.title)}</h1>
<p class="lede">Compared with “${e(c.previousTitle)}” (${e(c.previousDate)}), assessed again on ${e(c.currentDate)}.</p>
<div class="panel"><h2>Movement overall</h2>
<p>${o.up} ${o.up === 1 ? 'area' : 'areas'} moved up, ${o.same} stayed the same, ${o.down} moved down, and ${o.unknown} could not be compared because a level was not recorded in both. Net movement: ${o.net >= 0 ? '+' : ''}${o.net} ${Math.abs(o.net) === 1 ? 'step' : 'steps'}.</p></div>
<div class="chart">
${chart(c)}
<table>
<caption>Agreed level then and now, by area</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Then</th><th scope="col">Now</th><th scope="col">Movement</th><th scope="col">Actions completed in between</th><th scope="col">Actions planned for it last time</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`
  return htmlPage({ title: `Progress over time: ${c.title}`, body, robots: 'noindex' })
}
