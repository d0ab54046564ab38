import type { Role } from '@co-assess/board-model'
import type { ReportLinks } from '../api/apiTypes.ts'

export type ReportKind = keyof ReportLinks['links']

export interface ReportEntry {
  kind: ReportKind
  label: string
  description: string
  /** The report and comparison are pages; the rest are files to save. */
  page: boolean
  /** The address read with a bearer token, for people who cannot have a plain link. */
  apiPath: string
  filename: string
}

/** Chairs and participants get plain links; observers and peer reviewers read through their sign-in. */
export const canHaveLinks = (role: Role): boolean => role === 'chair' || role === 'participant'

/** The reports a person may open, in the order the page lists them. */
export function reportEntries(options: {
  assessmentId: string
  isChair: boolean
  hasPrevious: boolean
}): ReportEntry[] {
  const id = options.assessmentId
  const base = `/api/assessments/${encodeURIComponent(id)}`
  const entries: ReportEntry[] = [
    {
      kind: 'report',
      label: 'Report (web page)',
      description:
        'Every area with its agreed level, the evidence and the actions. Print it or save it as a PDF.',
      page: true,
      apiPath: `${base}/report`,
      filename: `report-${id}.html`,
    },
    {
      kind: 'docx',
      label: 'Report as a Word document',
      description: 'Word document for board papers. You can edit it before you share it.',
      page: false,
      apiPath: `${base}/report.docx`,
      filename: `report-${id}.docx`,
    },
    {
      kind: 'markdown',
      label: 'Report as Markdown',
      description: 'Plain text with headings, for wikis and websites that take Markdown.',
      page: false,
      apiPath: `${base}/report.md`,
      filename: `report-${id}.md`,
    },
    {
      kind: 'itemsCsv',
      label: 'Checklist items and ticks (CSV)',
      description: 'A spreadsheet of every item and how many people in each group ticked it.',
      page: false,
      apiPath: `${base}/report/items.csv`,
      filename: `items-${id}.csv`,
    },
    {
      kind: 'actionsCsv',
      label: 'Actions (CSV)',
      description: 'A spreadsheet of the "you said, we did" actions, their owners, dates and status.',
      page: false,
      apiPath: `${base}/report/actions.csv`,
      filename: `actions-${id}.csv`,
    },
    {
      kind: 'evidenceCsv',
      label: 'Evidence (CSV)',
      description:
        'A spreadsheet of the evidence for each area. Evidence kept on the board is only in the chair’s copy.',
      page: false,
      apiPath: `${base}/report/evidence.csv`,
      filename: `evidence-${id}.csv`,
    },
  ]
  if (options.hasPrevious)
    entries.push({
      kind: 'comparison',
      label: 'Comparison with the previous assessment',
      description: 'How each area has changed since the last time this workstream was assessed.',
      page: true,
      apiPath: `${base}/comparison`,
      filename: `comparison-${id}.html`,
    })
  if (options.isChair)
    entries.push(
      {
        kind: 'reportWithNames',
        label: 'Report with names (web page)',
        description:
          'The report with the names of the people who took part. Only chairs can see this; take care who you share it with.',
        page: true,
        apiPath: `${base}/report?names=1`,
        filename: `report-with-names-${id}.html`,
      },
      {
        kind: 'exportJson',
        label: 'Backup of the whole board (JSON)',
        description:
          'Everything on the board in one file, so it can be imported again. Keep it somewhere safe: it holds names and comments.',
        page: false,
        apiPath: `${base}/report/export.json`,
        filename: `assessment-${id}.json`,
      },
    )
  return entries
}

/** Links are fetched again a minute before they expire, so a click never lands on a dead link. */
export function linksStale(expiresAt: string | undefined, now: number): boolean {
  if (!expiresAt) return true
  const at = Date.parse(expiresAt)
  return Number.isNaN(at) || at - now < 60_000
}

/** "1 action" / "3 actions". */
export const actionCount = (n: number): string => (n === 1 ? '1 action' : `${n} actions`)

/** Adds or removes one id, keeping the order the actions are listed in. */
export function toggleChoice(order: readonly string[], chosen: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(chosen)
  if (next.has(id)) next.delete(id)
  else next.add(id)
  return new Set(order.filter((x) => next.has(x)))
}

/** Text people wrote, ending with one full stop (or their own question or exclamation mark). */
export function asSentence(text: string): string {
  const trimmed = text.trim()
  if (!trimmed) return ''
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`
}
