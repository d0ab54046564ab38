import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { ReportModel } from './buildReportModel.ts'
import { escapeHtml as e } from './escapeHtml.ts'
import { VOICE_BALANCE_TITLE, voiceBalanceBlocks } from './voiceBalanceSection.ts'

const blocksOf = (model: Pick<ReportModel, 'voiceBalance'>) =>
  model.voiceBalance ? voiceBalanceBlocks(model.voiceBalance) : null

/** The chair's voice balance as a page section, or '' for a copy that has none. */
export function voiceBalanceHtml(model: Pick<ReportModel, 'voiceBalance'>): string {
  const blocks = blocksOf(model)
  if (!blocks) return ''
  const { table } = blocks
  const head = table.header.map((h) => `<th scope="col">${e(h)}</th>`).join('')
  const rows = table.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${e(c)}</th>` : `<td>${e(c)}</td>`)).join('')}</tr>`,
    )
    .join('')
  return `<section aria-labelledby="voice"><h2 id="voice">${e(VOICE_BALANCE_TITLE)}</h2>
${blocks.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
<table><caption>${e(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>
</section>`
}

// A group's name is typed by a chair: it must not turn into Markdown structure.
const md = (text: string) => text.replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1').replace(/\r?\n/g, ' ')

/** The chair's voice balance as Markdown lines, or none for a copy that has none. */
export function voiceBalanceMarkdown(model: Pick<ReportModel, 'voiceBalance'>): string[] {
  const blocks = blocksOf(model)
  if (!blocks) return []
  const { table } = blocks
  return [
    `## ${VOICE_BALANCE_TITLE}`,
    '',
    ...blocks.paragraphs.flatMap((p) => [md(p), '']),
    `| ${table.header.join(' | ')} |`,
    `| ${table.header.map(() => '---').join(' | ')} |`,
    ...table.rows.map((r) => `| ${r.map(md).join(' | ')} |`),
    '',
  ]
}

/** The chair's voice balance for Word, or nothing for a copy that has none. */
export function voiceBalanceDocx(model: Pick<ReportModel, 'voiceBalance'>): Array<Paragraph | Table> {
  const blocks = blocksOf(model)
  if (!blocks) return []
  const { table } = blocks
  const row = (cells: string[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      children: cells.map(
        (text) =>
          new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: isHeader })] })] }),
      ),
    })
  return [
    new Paragraph({ text: VOICE_BALANCE_TITLE, heading: HeadingLevel.HEADING_1 }),
    ...blocks.paragraphs.map((text) => new Paragraph({ text })),
    new Paragraph({ children: [new TextRun({ text: table.caption, bold: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [row(table.header, true), ...table.rows.map((r) => row(r, false))],
    }),
  ]
}
