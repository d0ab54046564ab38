import { stringify } from 'csv-stringify/sync'
import type { ReportModel } from './buildReportModel.ts'
import { markLines } from './reportEvidence.ts'

const GROUPS = ['ics', 'vcse', 'lived-experience'] as const
const GROUP_HEADINGS: Record<(typeof GROUPS)[number], string> = {
  ics: 'ICS',
  vcse: 'VCSE',
  'lived-experience': 'Lived experience',
}

// A byte-order mark, so Excel reads the file as UTF-8 and non-ASCII names survive; CRLF as RFC 4180 says.
// escape_formulas prefixes a cell that starts with =, +, -, @, tab or CR with a quote, as OWASP's
// CSV-injection guidance says, so typed text (an action, an organisation) never opens as a formula.
// Every CSV the server writes goes through these options.
const options = { bom: true, record_delimiter: 'windows', escape_formulas: true } as const

/**
 * One row per checklist item: ticks overall and by stakeholder group, and, in the chair's copy only,
 * who ticked it (the column is left out for everyone else, so no row lists one person's view).
 */
export function renderItemsCsv(model: ReportModel): string {
  const tickers = model.disclosure.tickers
  const header = [
    'Phase',
    'Area',
    'Area title',
    'Level',
    'Item',
    'Item text',
    'Ticked',
    'Respondents',
    ...GROUPS.flatMap((g) => [`${GROUP_HEADINGS[g]} ticked`, `${GROUP_HEADINGS[g]} respondents`]),
    'Groups differ',
    'Agreed level',
    ...(tickers ? ['Ticked by'] : []),
  ]
  const rows = model.phases.flatMap((phase) =>
    phase.areas.flatMap((area) =>
      area.items.map((item) => [
        phase.title,
        area.id,
        area.title,
        item.levelLabel,
        item.id,
        item.text,
        item.ticked,
        item.respondents,
        ...GROUPS.flatMap((g) => {
          const count = item.byGroup.find((x) => x.group === g)
          return [count?.ticked ?? '', count?.respondents ?? '']
        }),
        item.disagreement ? 'yes' : 'no',
        area.agreed?.label ?? '',
        ...(tickers ? [item.tickedBy.join('; ')] : []),
      ]),
    ),
  )
  return stringify([header, ...rows], options)
}

/** One row per action, as agreed on the board. */
export function renderActionsCsv(model: ReportModel): string {
  const header = [
    'Action',
    'You said',
    'We did',
    'What changed',
    'Status',
    'Owner',
    'Due',
    'Raised by',
    'Areas',
    'Dropped because',
    'Agreed',
    'Agreed in session',
    'Session started',
    'People told on',
    'How they were told',
    'Carried from',
    'History',
    'Aims at level',
    'Aims at items',
    'Horizon',
    'Measure',
    'Baseline',
    'Review date',
  ]
  const rows = model.actions.map((a) => [
    a.id,
    a.youSaid,
    a.weDid,
    a.whatChanged,
    a.statusLabel,
    a.owner,
    a.dueDate ?? '',
    a.raisedBy.join('; '),
    a.areas.map((x) => `${x.id} ${x.title}`).join('; '),
    a.droppedReason,
    a.agreedIn,
    a.agreedInSession?.number ?? '',
    a.agreedInSession?.startedAt ?? '',
    a.feedback.toldAt ?? '',
    a.feedback.how,
    a.carriedFrom ?? '',
    a.history.join('\n'),
    a.plan?.targetLevel ?? '',
    a.plan?.targetItems.join('; ') ?? '',
    a.plan?.horizon ?? '',
    a.plan?.measure ?? '',
    a.plan?.baseline ?? '',
    a.plan?.reviewDate ?? '',
  ])
  return stringify([header, ...rows], options)
}

/**
 * One row per piece of evidence the audience may see, by area. Evidence not shared beyond the board
 * is in the chair's copy only (marked so); other copies leave it out, as the report does.
 */
export function renderEvidenceCsv(model: ReportModel): string {
  const header = [
    'Area',
    'Area title',
    'Kind',
    'Title',
    'Link',
    'Description',
    'Date',
    'Status',
    'Accepted for level',
    'Checklist items',
    'Shareable beyond the board',
    'Added by',
    'Carried from',
    'Peer reviewers',
  ]
  const rows = model.phases.flatMap((phase) =>
    phase.areas.flatMap((area) =>
      area.evidence.map((e) => [
        area.id,
        area.title,
        e.kindLabel,
        e.title,
        e.link,
        e.description,
        e.date ?? '',
        e.statusLabel,
        e.acceptedFor ?? '',
        e.itemIds.join('; '),
        e.shareable ? 'yes' : 'no',
        e.addedBy,
        e.carriedFrom ?? '',
        markLines(e).join('\n'),
      ]),
    ),
  )
  return stringify([header, ...rows], options)
}
