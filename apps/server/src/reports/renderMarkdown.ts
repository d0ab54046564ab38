import { plainDate } from '@co-assess/board-model'
import { actionFacts } from './actionFacts.ts'
import type { ReportModel } from './buildReportModel.ts'
import { sessionSectionMarkdown } from './renderSessionSection.ts'
import { voiceBalanceMarkdown } from './renderVoiceBalance.ts'
import { areaEvidenceLines } from './reportEvidence.ts'
import { countOf } from './smallNumbers.ts'
import { takingPartNote } from './takingPartNote.ts'

// Text a person typed must not turn into Markdown structure (links, headings, tables, HTML).
const md = (text: string) =>
  text
    .replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1')
    .replace(/^(\s*)([-=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.')
const cell = (text: string) => md(text).replace(/\r?\n/g, ' ')
const block = (text: string) => md(text).replace(/\r?\n/g, '  \n')

/** The report as Markdown, for wikis and repositories. */
export function renderMarkdown(model: ReportModel): string {
  const out: string[] = []
  out.push(`# ${cell(model.assessment.title)}`, '')
  out.push(`Self-assessment report: ${cell(model.framework.title)} (version ${model.framework.version})`, '')
  out.push(
    `Workstream: ${cell(model.assessment.workstream)} · Scope: ${model.assessment.scope} · Report made ${plainDate(model.generatedAt)}`,
    '',
  )
  out.push('## Agreed levels', '', '| Phase | Area | Agreed level |', '| --- | --- | --- |')
  for (const phase of model.phases)
    for (const area of phase.areas)
      out.push(
        `| ${cell(phase.title)} | ${area.id} ${cell(area.title)} | ${cell(area.agreed?.label ?? 'Not recorded')} |`,
      )
  out.push('', '## Area by area', '')
  for (const phase of model.phases) {
    for (const area of phase.areas) {
      out.push(`### ${area.id} ${cell(area.title)}`, '')
      out.push(`- Agreed level: **${cell(area.agreed?.label ?? 'Not recorded')}**`)
      if (area.agreed?.rationale) out.push(`- Rationale: ${cell(area.agreed.rationale)}`)
      if (area.agreed?.dissent) out.push(`- Dissent: ${cell(area.agreed.dissent)}`)
      out.push(`- Suggested from the ticks: ${cell(area.suggested.label)}`)
      for (const p of area.peer)
        out.push(
          `- Peer reviewer (${cell(p.reviewer)}) suggests ${cell(p.level.label)}${p.reasoning ? `: ${cell(p.reasoning)}` : ''}`,
        )
      out.push('')
      const evidence = areaEvidenceLines(area)
      if (evidence.length) {
        out.push('#### Evidence', '')
        for (const line of evidence) out.push(`${line.startsWith('  ') ? '  ' : ''}- ${cell(line.trim())}`)
        out.push('')
      }
      if (area.notes.length) {
        out.push('#### Evidence notes', '')
        for (const n of area.notes) out.push(block(n), '')
      }
      out.push('| Level | Item | Ticked | By group |', '| --- | --- | --- | --- |')
      for (const item of area.items) {
        const groups = item.byGroup.map((g) => `${g.label}: ${countOf(g.ticked, g.respondents)}`).join('; ')
        out.push(
          `| ${cell(item.levelLabel)} | ${cell(item.text)}${item.disagreement ? ' (groups differ)' : ''} | ${countOf(item.ticked, item.respondents)} | ${cell(groups || 'No responses')} |`,
        )
      }
      out.push('')
    }
  }
  out.push('## Actions: you said, we did', '')
  if (!model.actions.length) out.push('No actions have been recorded.', '')
  for (const a of model.actions) {
    out.push(`### You said: ${cell(a.youSaid || '(not written yet)')}`, '')
    for (const [label, value] of actionFacts(a)) out.push(`- ${label}: ${cell(value)}`)
    out.push('')
  }
  const orgs = model.disclosure.organisations
  out.push('## Who took part', '', takingPartNote(model), '')
  out.push(
    orgs ? '| Organisation | Group | People |' : '| Group | People |',
    orgs ? '| --- | --- | --- |' : '| --- | --- |',
  )
  for (const t of model.takingPart)
    out.push(`|${orgs ? ` ${cell(t.organisation ?? '')} |` : ''} ${cell(t.group)} | ${t.count} |`)
  if (model.namesShown) {
    out.push('', '| Name | Organisation | Group | Role |', '| --- | --- | --- | --- |')
    for (const p of model.participants)
      out.push(`| ${cell(p.name ?? '')} | ${cell(p.organisation)} | ${cell(p.group)} | ${p.role} |`)
  }
  out.push('')
  out.push(...voiceBalanceMarkdown(model))
  out.push(...sessionSectionMarkdown(model))
  return out.join('\n')
}
