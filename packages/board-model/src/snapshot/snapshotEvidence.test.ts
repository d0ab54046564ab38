import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { snapshotAssessment as record, snapshotBoard, snapshotShape } from '../../test/snapshotFixture.ts'
import { exportBoard } from './exportBoard.ts'
import { importBoard } from './importBoard.ts'
import { misfitWithFramework } from './snapshotFit.ts'
import { boardSnapshotSchema } from './snapshotSchema.ts'

const exported = () => JSON.parse(JSON.stringify(exportBoard(snapshotBoard(), record)))

describe('the board snapshot carries evidence', () => {
  it('round-trips evidence, peer marks, action plans and the peer review log exactly', () => {
    const file = boardSnapshotSchema.parse(exported())
    expect(Object.keys(file.board.evidence ?? {})).toHaveLength(3)
    expect(Object.keys(file.board.evidenceMarks ?? {})).toHaveLength(1)
    expect(Object.values(file.board.actions).some((a) => a.plan?.measure)).toBe(true)
    expect(Object.values(file.board.reviewLog ?? {})).toMatchObject([{ kind: 'closed', by: 'chair' }])
    const copy = new Y.Doc()
    importBoard(copy, file, 'asmt-1')
    expect(exportBoard(copy, record, new Date(file.exportedAt))).toEqual(file)
  })

  it('still imports an export made before evidence existed', () => {
    const old = exported()
    delete old.board.evidence
    delete old.board.evidenceMarks
    delete old.board.previous
    for (const action of Object.values(old.board.actions) as Array<Record<string, unknown>>)
      delete action.plan
    expect(boardSnapshotSchema.safeParse(old).success).toBe(true)
  })

  it("refuses evidence for another framework's item, a mark on missing evidence, and a plan aimed elsewhere", () => {
    const wrongItem = exported()
    const [id] = Object.keys(wrongItem.board.evidence)
    wrongItem.board.evidence[id!].itemIds = ['1b.emerging.1']
    expect(misfitWithFramework(boardSnapshotSchema.parse(wrongItem), snapshotShape)?.path).toEqual([
      'board',
      'evidence',
      id,
      'itemIds',
    ])

    const orphanMark = exported()
    const [markKey] = Object.keys(orphanMark.board.evidenceMarks)
    orphanMark.board.evidenceMarks['peer1/gone-evidence'] = orphanMark.board.evidenceMarks[markKey!]
    const result = boardSnapshotSchema.safeParse(orphanMark)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      path: ['board', 'evidenceMarks', 'peer1/gone-evidence'],
      message: `marks "gone-evidence", which is not on the board's evidence`,
    })

    const aimedElsewhere = exported()
    const planned = Object.values(aimedElsewhere.board.actions).find(
      (a) => (a as { plan?: unknown }).plan,
    ) as { id: string; plan: { targetItemIds: string[] } }
    planned.plan.targetItemIds = ['9z.emerging.1']
    expect(misfitWithFramework(boardSnapshotSchema.parse(aimedElsewhere), snapshotShape)?.path).toEqual([
      'board',
      'actions',
      planned.id,
      'plan',
      'targetItemIds',
    ])
  })
})
