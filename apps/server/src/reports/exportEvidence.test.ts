import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { tinyBoardWithEvidence } from '../../test/evidenceFixture.ts'
import { tinyFramework } from '../../test/reportFixture.ts'
import { boardExportSchema } from './boardExport.ts'
import { frameworkShape, misfitWithFramework } from './exportFit.ts'
import { exportJson } from './exportJson.ts'
import { importJson } from './importJson.ts'

const record = {
  id: 'asmt-1',
  title: 'Tiny',
  frameworkId: 'tiny',
  frameworkVersion: '1.0.0',
  scope: 'strategic' as const,
  workstream: 'Engagement',
  createdAt: '2025-06-01T00:00:00.000Z',
  previousAssessmentId: null,
  reviewClosedAt: null,
  publication: null,
}

const exported = () => JSON.parse(JSON.stringify(exportJson(tinyBoardWithEvidence().doc, record)))

describe('the JSON backup carries evidence', () => {
  it('round-trips evidence, peer marks and action plans exactly', () => {
    const file = boardExportSchema.parse(exported())
    expect(Object.keys(file.board.evidence ?? {})).toHaveLength(3)
    expect(Object.keys(file.board.evidenceMarks ?? {})).toHaveLength(1)
    expect(Object.values(file.board.actions).some((a) => a.plan?.measure)).toBe(true)
    const copy = new Y.Doc()
    importJson(copy, file, 'asmt-1')
    expect(exportJson(copy, record, new Date(file.exportedAt))).toEqual(file)
  })

  it('still imports an export made before evidence existed', () => {
    const old = exported()
    delete old.board.evidence
    delete old.board.evidenceMarks
    delete old.board.previous
    for (const action of Object.values(old.board.actions) as Array<Record<string, unknown>>)
      delete action.plan
    expect(boardExportSchema.safeParse(old).success).toBe(true)
  })

  it("refuses evidence for another framework's item, a mark on missing evidence, and a plan aimed elsewhere", () => {
    const shape = frameworkShape(tinyFramework)
    const wrongItem = exported()
    const [id] = Object.keys(wrongItem.board.evidence)
    wrongItem.board.evidence[id!].itemIds = ['1b.emerging.1']
    expect(misfitWithFramework(boardExportSchema.parse(wrongItem), shape)?.path).toEqual([
      'board',
      'evidence',
      id,
      'itemIds',
    ])

    const orphanMark = exported()
    const [markKey] = Object.keys(orphanMark.board.evidenceMarks)
    orphanMark.board.evidenceMarks['peer1/gone-evidence'] = orphanMark.board.evidenceMarks[markKey!]
    const result = boardExportSchema.safeParse(orphanMark)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['board', 'evidenceMarks', 'peer1/gone-evidence'])

    const aimedElsewhere = exported()
    const planned = Object.values(aimedElsewhere.board.actions).find(
      (a) => (a as { plan?: unknown }).plan,
    ) as { id: string; plan: { targetItemIds: string[] } }
    planned.plan.targetItemIds = ['9z.emerging.1']
    expect(misfitWithFramework(boardExportSchema.parse(aimedElsewhere), shape)?.path).toEqual([
      'board',
      'actions',
      planned.id,
      'plan',
      'targetItemIds',
    ])
  })
})
