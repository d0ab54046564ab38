import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { ReportModel } from './buildReportModel.ts'
import { escapeHtml as e } from './escapeHtml.ts'
import { SESSIONS_TITLE, type SectionBlock, sessionSection } from './sessionSection.ts'

const blocksOf = (model: ReportModel) =>
  model.sessionRecord ? sessionSection(model.sessionRecord.sessions, model.sessionRecord.threshold) : null

/** The chair's sessions section as a page section, or '' for a copy that has none. */
export function sessionSectionHtml(model: ReportModel): string {
  const blocks = blocksOf(model)
  if (!blocks) return ''
  const html = (b: SectionBlock): string => {
    if (b.kind === 'heading') return `<h3>${e(b.text)}</h3>`
    if (b.kind === 'paragraph') return `<p>${e(b.text)}</p>`
    if (b.kind === 'list') return `<ul>${b.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`
    const head = b.header.map((h) => `<th scope="col">${e(h)}</th>`).join('')
    const rows = b.rows
      .map(
        (r) =>
          `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${e(c)}</th>` : `<td>${e(c)}</td>`)).join('')}</tr>`,
      )
      .join('')
    return `<table><caption>${e(b.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`
  }
  const body = blocks.map(html).join('\n')
  return `<section aria-labelledby="sessions"><h2 id="sessions">${e(SESSIONS_TITLE)}</h2>\n${body}\n</section>`
}

// Text a person typed must not turn into Markdown structure (links, headings, tables, HTML).
const md = (text: string) =>
  text
    .replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1')
    .replace(/^(\s*)([-=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.')
    .replace(/\r?\n/g, ' ')

/** The chair's sessions section as Markdown lines, or none for a copy that has none. */
export function sessionSectionMarkdown(model: ReportModel): string[] {
  const blocks = blocksOf(model)
  if (!blocks) return []
  const out = [`## ${SESSIONS_TITLE}`, '']
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(`### ${md(b.text)}`, '')
    else if (b.kind === 'paragraph') out.push(md(b.text), '')
    else if (b.kind === 'list') out.push(...b.items.map((i) => `- ${md(i)}`), '')
    else
      out.push(
        `| ${b.header.map(md).join(' | ')} |`,
        `| ${b.header.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(md).join(' | ')} |`),
        '',
      )
  }
  return out
}

/** The chair's sessions section for Word, or nothing for a copy that has none. */
export function sessionSectionDocx(model: ReportModel): Array<Paragraph | Table> {
  const blocks = blocksOf(model)
  if (!blocks) return []
  const out: Array<Paragraph | Table> = [
    new Paragraph({ text: SESSIONS_TITLE, heading: HeadingLevel.HEADING_1 }),
  ]
  const row = (cells: string[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      children: cells.map(
        (text) =>
          new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: isHeader })] })] }),
      ),
    })
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 }))
    else if (b.kind === 'paragraph') out.push(new Paragraph({ text: b.text }))
    else if (b.kind === 'list')
      out.push(...b.items.map((text) => new Paragraph({ text, bullet: { level: 0 } })))
    else
      out.push(
        new Paragraph({ children: [new TextRun({ text: b.caption, bold: true })] }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [row(b.header, true), ...b.rows.map((r) => row(r, false))],
        }),
      )
  }
  return out
}
