import { plainDate } from '@co-assess/board-model'
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { actionFacts } from './actionFacts.ts'
import type { ReportModel } from './buildReportModel.ts'
import { sessionSectionDocx } from './renderSessionSection.ts'
import { voiceBalanceDocx } from './renderVoiceBalance.ts'
import { areaEvidenceLines } from './reportEvidence.ts'
import { countOf } from './smallNumbers.ts'
import { takingPartNote } from './takingPartNote.ts'

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level })
const para = (text: string) => new Paragraph({ text })
const labelled = (label: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] })

function table(header: string[], rows: string[][]): Table {
  const row = (cells: string[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      children: cells.map(
        (text) =>
          new TableCell({
            children: [new Paragraph({ children: [new TextRun({ text, bold: isHeader })] })],
          }),
      ),
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(header, true), ...rows.map((r) => row(r, false))],
  })
}

/** The report as a Word document for board papers: real headings, so Word's navigation pane and screen readers find their way. */
export async function renderDocx(model: ReportModel): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    heading(model.assessment.title, HeadingLevel.TITLE),
    para(`Self-assessment report: ${model.framework.title} (version ${model.framework.version})`),
    para(
      `Workstream: ${model.assessment.workstream}. Scope: ${model.assessment.scope}. Report made ${plainDate(model.generatedAt)}.`,
    ),
    heading('Agreed levels', HeadingLevel.HEADING_1),
    table(
      ['Phase', 'Area', 'Agreed level'],
      model.phases.flatMap((phase) =>
        phase.areas.map((area) => [
          phase.title,
          `${area.id} ${area.title}`,
          area.agreed?.label ?? 'Not recorded',
        ]),
      ),
    ),
    heading('Area by area', HeadingLevel.HEADING_1),
  ]
  for (const phase of model.phases) {
    for (const area of phase.areas) {
      children.push(heading(`${area.id} ${area.title}`, HeadingLevel.HEADING_2))
      children.push(labelled('Agreed level', area.agreed?.label ?? 'Not recorded'))
      if (area.agreed?.rationale) children.push(labelled('Rationale', area.agreed.rationale))
      if (area.agreed?.dissent) children.push(labelled('Dissent', area.agreed.dissent))
      children.push(labelled('Suggested from the ticks', area.suggested.label))
      for (const p of area.peer)
        children.push(
          labelled(
            `Peer reviewer (${p.reviewer})`,
            `${p.level.label}${p.reasoning ? `. ${p.reasoning}` : ''}`,
          ),
        )
      const evidence = areaEvidenceLines(area)
      if (evidence.length) {
        children.push(heading('Evidence', HeadingLevel.HEADING_3))
        for (const line of evidence) children.push(para(line))
      }
      if (area.notes.length) {
        children.push(heading('Evidence notes', HeadingLevel.HEADING_3))
        for (const n of area.notes) children.push(para(n))
      }
      children.push(
        table(
          ['Level', 'Item', 'Ticked', 'By stakeholder group'],
          area.items.map((item) => [
            item.levelLabel,
            `${item.text}${item.disagreement ? ' (groups differ)' : ''}`,
            countOf(item.ticked, item.respondents),
            item.byGroup.map((g) => `${g.label}: ${countOf(g.ticked, g.respondents)}`).join('; ') ||
              'No responses',
          ]),
        ),
      )
    }
  }
  children.push(heading('Actions: you said, we did', HeadingLevel.HEADING_1))
  if (!model.actions.length) children.push(para('No actions have been recorded.'))
  for (const a of model.actions) {
    children.push(heading(`You said: ${a.youSaid || '(not written yet)'}`, HeadingLevel.HEADING_2))
    for (const [label, value] of actionFacts(a)) children.push(labelled(label, value))
  }
  children.push(heading('Who took part', HeadingLevel.HEADING_1))
  children.push(para(takingPartNote(model)))
  const orgs = model.disclosure.organisations
  children.push(
    table(
      orgs ? ['Organisation', 'Group', 'People'] : ['Group', 'People'],
      model.takingPart.map((t) => [...(orgs ? [t.organisation ?? ''] : []), t.group, String(t.count)]),
    ),
  )
  if (model.namesShown) {
    children.push(
      table(
        ['Name', 'Organisation', 'Group', 'Role'],
        model.participants.map((p) => [p.name ?? '', p.organisation, p.group, p.role]),
      ),
    )
  }
  children.push(...voiceBalanceDocx(model))
  children.push(...sessionSectionDocx(model))
  const doc = new Document({
    title: model.assessment.title,
    description: `Self-assessment report: ${model.framework.title}`,
    creator: 'Co-assess',
    sections: [{ children }],
  })
  return Packer.toBuffer(doc)
}
