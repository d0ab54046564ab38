import { proposeAction, setTick, upsertPerson } from '@co-assess/board-model'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { tinyAssessment, tinyBoard, tinyFramework, ZOE } from '../../test/reportFixture.ts'
import { buildReportModel } from './buildReportModel.ts'
import { renderActionsCsv, renderItemsCsv } from './renderCsv.ts'

describe('renderCsv', () => {
  it('starts with a BOM and round-trips non-ASCII names and commas', () => {
    const model = buildReportModel(tinyBoard(), tinyFramework, tinyAssessment, { names: true })
    const items = renderItemsCsv(model)
    expect(items.charCodeAt(0)).toBe(0xfeff)
    const rows: Record<string, string>[] = parse(items, { bom: true, columns: true })
    expect(rows).toHaveLength(3)
    expect(rows[0]!['Ticked by']).toContain(`${ZOE} (Café, Ça Va)`)
    expect(rows[0]!['Lived experience ticked']).toBe('1')
    const actions: Record<string, string>[] = parse(renderActionsCsv(model), { bom: true, columns: true })
    expect(actions[0]!['You said']).toBe('Evenings, please, near buses')
    expect(actions[0]!.Status).toBe('Agreed')
    expect(actions[0]!['Raised by']).toBe('Lived experience or community member')
    expect(actions[0]!['Agreed in session']).toBe('1')
    expect(actions[0]!['Session started']).toBe('2025-06-03')
    expect(actions[0]!['People told on']).toBe('2025-06-20')
    expect(actions[0]!['How they were told']).toBe('At the June forum')
    expect(actions[1]!.Status).toBe('Dropped')
    expect(actions[1]!['Dropped because']).toBe('No budget until April')
    // Dropped while still a proposal: it was never agreed, so the CSV must not say when it was.
    expect(actions[1]!.Agreed).toBe('Never agreed: dropped while still a proposal')
    expect(actions[1]!['Agreed in session']).toBe('')
    expect(actions[1]!['People told on']).toBe('')
  })

  it('neutralises cells a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    const doc = tinyBoard()
    upsertPerson(doc, {
      id: 'mallory',
      name: '@SUM(1+1)',
      organisation: '+cmd|calc',
      group: 'vcse',
      role: 'participant',
      colour: '#005eb8',
      joinedAt: 2,
    })
    setTick(doc, 'mallory', '1b.emerging.1', true)
    proposeAction(
      doc,
      'mallory',
      {
        youSaid: '=HYPERLINK("http://x","x")',
        raisedBy: ['vcse'],
        weDid: '-2+3',
        owner: '\tTab first',
        dueDate: null,
        areaIds: ['1b'],
      },
      10,
    )
    const model = buildReportModel(doc, tinyFramework, tinyAssessment, { names: true })
    const actions: Record<string, string>[] = parse(renderActionsCsv(model), { bom: true, columns: true })
    const planted = actions.find((a) => a['You said']?.includes('HYPERLINK'))!
    expect(planted['You said']).toBe(`'=HYPERLINK("http://x","x")`)
    expect(planted['We did']).toBe(`'-2+3`)
    expect(planted.Owner).toBe(`'\tTab first`)
    const items: Record<string, string>[] = parse(renderItemsCsv(model), { bom: true, columns: true })
    const ticked = items.find((i) => i.Item === '1b.emerging.1')!
    expect(ticked['Ticked by']).toBe(`'@SUM(1+1) (+cmd|calc)`)
    // Counts stay numbers a spreadsheet can add up.
    expect(ticked.Ticked).toBe('1')
    for (const row of [...actions, ...items])
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/)
  })
})
