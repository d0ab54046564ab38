import { revealBlindRound, startBlindRound } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardExportSchema } from './boardExport.ts'
import { ExportNotWhole, exportJson } from './exportJson.ts'
import { importJson } from './importJson.ts'
import { tinyBoard } from './reportFixture.ts'

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

describe('exportJson and importJson', () => {
  it('round-trip a board exactly, notes and their formatting included', () => {
    const original = tinyBoard()
    const exported = boardExportSchema.parse(JSON.parse(JSON.stringify(exportJson(original, record))))
    const copy = new Y.Doc()
    importJson(copy, exported, 'asmt-1')
    expect(exportJson(copy, record, new Date(exported.exportedAt))).toEqual(exported)
    expect(copy.getXmlFragment('note:1a').toString()).toBe(original.getXmlFragment('note:1a').toString())
    expect(copy.getXmlFragment('note:1a').toString()).toContain('<bold>2024</bold>')
  })

  it('refuses to export while a blind round runs, naming the areas, and exports once it is revealed', () => {
    const board = tinyBoard()
    startBlindRound(board, 'chair', '1b')
    startBlindRound(board, 'chair', '1a')
    expect(() => exportJson(board, record)).toThrow(ExportNotWhole)
    expect(() => exportJson(board, record)).toThrow(/areas 1a, 1b\. .*Reveal the round, then export/)
    revealBlindRound(board, 'chair', '1a')
    expect(() => exportJson(board, record)).toThrow(/area 1b\./)
    revealBlindRound(board, 'chair', '1b')
    expect(exportJson(board, record).board.live['round:1b']).toMatchObject({ mode: 'revealed' })
  })

  it('refuses a file whose records do not validate', () => {
    const exported = JSON.parse(JSON.stringify(exportJson(tinyBoard(), record)))
    exported.board.people.zoe1.role = 'overlord'
    const result = boardExportSchema.safeParse(exported)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['board', 'people', 'zoe1', 'role'])
  })
})
