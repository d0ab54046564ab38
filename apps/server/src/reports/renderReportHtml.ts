import { plainDate } from '@co-assess/board-model'
import { actionFacts } from './actionFacts.ts'
import type { ReportArea, ReportModel } from './buildReportModel.ts'
import { escapeHtml as e } from './escapeHtml.ts'
import { htmlPage, levelClass } from './htmlPage.ts'
import { sessionSectionHtml } from './renderSessionSection.ts'
import { voiceBalanceHtml } from './renderVoiceBalance.ts'
import { evidenceLine, markLines } from './reportEvidence.ts'
import { countOf } from './smallNumbers.ts'
import { takingPartNote } from './takingPartNote.ts'

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${e(p).replaceAll('\n', '<br>')}</p>`)
    .join('')

// Dates as people read them ("2 December 2026"), as everywhere on screen and in reports.
const dateOf = (iso: string) => plainDate(iso)

function heatMap(model: ReportModel): string {
  const widest = Math.max(...model.phases.map((p) => p.areas.length))
  const rows = model.phases
    .map((phase) => {
      const cells = phase.areas
        .map((area) => {
          const level = area.agreed ?? { label: 'Not recorded', rank: null }
          return `<td class="${levelClass(level.rank)}"><a href="#area-${e(area.id)}">${e(area.id)}</a> ${e(area.title)}<br><strong>${e(level.label)}</strong></td>`
        })
        .join('')
      const pad = widest - phase.areas.length
      return `<tr><th scope="row">${e(phase.title)}</th>${cells}${pad > 0 ? `<td colspan="${pad}"></td>` : ''}</tr>`
    })
    .join('\n')
  return `<table class="heat">
<caption>Agreed level in each improvement area, by phase</caption>
<thead><tr><th scope="col">Phase</th><th scope="col" colspan="${widest}">Improvement areas and their agreed level</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}

function areaSection(area: ReportArea): string {
  const agreed = area.agreed
    ? `<dl class="pairs"><dt>Agreed level</dt><dd><strong>${e(area.agreed.label)}</strong></dd>
<dt>Rationale</dt><dd>${area.agreed.rationale ? paragraphs(area.agreed.rationale) : 'None recorded.'}</dd>
<dt>Dissent</dt><dd>${area.agreed.dissent ? paragraphs(area.agreed.dissent) : 'None recorded.'}</dd></dl>`
    : '<p>No level has been agreed for this area yet.</p>'
  const peer = area.peer.length
    ? `<h4>Peer reviewers’ suggestions</h4><ul>${area.peer
        .map(
          (p) =>
            `<li><strong>${e(p.level.label)}</strong> (${e(p.reviewer)})${p.reasoning ? `: ${e(p.reasoning)}` : ''}</li>`,
        )
        .join('')}</ul>`
    : ''
  const notes = area.notes.length
    ? `<h4>Evidence notes</h4>${area.notes.map((n) => `<p>${e(n).replaceAll('\n', '<br>')}</p>`).join('')}`
    : ''
  const evidence = evidenceSection(area)
  const rows = area.items
    .map((item) => {
      const groups = item.byGroup.length
        ? item.byGroup.map((g) => `${e(g.label)}: ${e(countOf(g.ticked, g.respondents))}`).join('<br>')
        : 'No responses'
      return `<tr><td>${e(item.levelLabel)}</td><td>${e(item.text)}${item.disagreement ? ' <span class="tag">Groups differ</span>' : ''}</td><td class="num">${e(countOf(item.ticked, item.respondents))}</td><td>${groups}</td></tr>`
    })
    .join('\n')
  return `<section class="area" id="area-${e(area.id)}" aria-labelledby="area-${e(area.id)}-title">
<h3 id="area-${e(area.id)}-title">${e(area.id)} ${e(area.title)}</h3>
<p class="meta">${e(area.phaseTitle)} phase · ${area.respondents === 1 ? '1 person' : `${e(String(area.respondents))} people`} ticked in this area</p>
${agreed}
<p><strong>Suggested from the ticks:</strong> ${e(area.suggested.label)}. <span class="meta">${e(area.suggested.explanation)}</span></p>
${peer}
${evidence}
${notes}
<table>
<caption>Checklist items in ${e(area.id)} and who ticked them</caption>
<thead><tr><th scope="col">Level</th><th scope="col">Item</th><th scope="col" class="num">Ticked</th><th scope="col">By stakeholder group</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`
}

/** Evidence records, each with its link (web addresses only, checked when written) and reviewers' marks. */
function evidenceSection(area: ReportArea): string {
  const keptBack = area.evidenceKeptBack
    ? `<p class="meta">${area.evidenceKeptBack === 1 ? '1 piece of evidence is' : `${area.evidenceKeptBack} pieces of evidence are`} kept on the board only, not shared beyond it.</p>`
    : ''
  if (!area.evidence.length) return keptBack ? `<h4>Evidence</h4>${keptBack}` : ''
  const items = area.evidence
    .map((ev) => {
      const link = ev.link ? ` <a href="${e(ev.link)}">${e(ev.link)}</a>` : ''
      const marks = markLines(ev)
      return `<li>${e(evidenceLine(ev))}${ev.description ? `<br>${e(ev.description)}` : ''}${link}${ev.carriedFrom ? `<br><span class="meta">${e(ev.carriedFrom)}</span>` : ''}${marks.length ? `<ul>${marks.map((m) => `<li>${e(m)}</li>`).join('')}</ul>` : ''}</li>`
    })
    .join('')
  return `<h4>Evidence</h4><ul class="evidence">${items}</ul>${keptBack}`
}

function actionsSection(model: ReportModel): string {
  if (!model.actions.length) return '<p>No actions have been recorded.</p>'
  return model.actions
    .map(
      (a) => `<div class="card">
<h3>You said: ${e(a.youSaid || '(not written yet)')}</h3>
<dl class="pairs">
${actionFacts(a)
  .map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`)
  .join('\n')}
</dl></div>`,
    )
    .join('\n')
}

function peopleSection(model: ReportModel): string {
  const orgs = model.disclosure.organisations
  const summary = model.takingPart
    .map(
      (t) =>
        `<tr>${orgs ? `<td>${e(t.organisation ?? '')}</td>` : ''}<td>${e(t.group)}</td><td class="num">${e(String(t.count))}</td></tr>`,
    )
    .join('')
  const named = model.namesShown
    ? `<table><caption>People who took part</caption><thead><tr><th scope="col">Name</th><th scope="col">Organisation</th><th scope="col">Group</th><th scope="col">Role</th></tr></thead><tbody>${model.participants
        .map(
          (p) =>
            `<tr><td>${e(p.name ?? '')}</td><td>${e(p.organisation)}</td><td>${e(p.group)}</td><td>${e(p.role)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>Names are not shown in this copy of the report.</p>'
  const caption = orgs
    ? 'Taking part, by organisation and stakeholder group'
    : 'Taking part, by stakeholder group'
  return `<table><caption>${caption}</caption><thead><tr>${orgs ? '<th scope="col">Organisation</th>' : ''}<th scope="col">Group</th><th scope="col" class="num">People</th></tr></thead><tbody>${summary || `<tr><td colspan="${orgs ? 3 : 2}">Nobody has joined yet.</td></tr>`}</tbody></table>
<p>${e(takingPartNote(model))}</p>${named}`
}

/** The assessment report as one printable page; every value a person typed is escaped. */
export function renderReportHtml(model: ReportModel): string {
  const areas = model.phases.flatMap((p) => p.areas)
  const agreedCount = areas.filter((a) => a.agreed).length
  const body = `<h1>${e(model.assessment.title)}</h1>
<p class="lede">Self-assessment report: ${e(model.framework.title)}</p>
<p class="meta">Workstream: ${e(model.assessment.workstream)} · Scope: ${e(model.assessment.scope)} · Started ${e(dateOf(model.assessment.createdAt))} · Report made ${e(dateOf(model.generatedAt))} · Framework version ${e(model.framework.version)}</p>
<nav class="contents" aria-label="Contents"><ul>
<li><a href="#levels">Agreed levels</a></li><li><a href="#areas">Area by area</a></li><li><a href="#actions">Actions</a></li><li><a href="#people">Who took part</a></li>${model.voiceBalance ? '<li><a href="#voice">Voice balance</a></li>' : ''}${model.sessionRecord ? '<li><a href="#sessions">Sessions</a></li>' : ''}
</ul></nav>
<section aria-labelledby="levels"><h2 id="levels">Agreed levels</h2>
<p>Levels have been agreed for ${agreedCount} of ${areas.length} improvement areas. Each cell names its level, so the colours are a guide only.</p>
${heatMap(model)}
</section>
<section aria-labelledby="areas"><h2 id="areas">Area by area</h2>
${areas.map(areaSection).join('\n')}
</section>
<section aria-labelledby="actions"><h2 id="actions">Actions: you said, we did</h2>
${actionsSection(model)}
</section>
<section aria-labelledby="people"><h2 id="people">Who took part</h2>
${peopleSection(model)}
</section>
${voiceBalanceHtml(model)}
${sessionSectionHtml(model)}`
  return htmlPage({ title: `${model.assessment.title}: assessment report`, body, robots: 'noindex' })
}
