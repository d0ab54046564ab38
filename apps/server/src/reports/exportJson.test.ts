import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardExportSchema } from './boardExport.ts'
import { exportJson } from './exportJson.ts'
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

  it('refuses a file whose records do not validate', () => {
    const exported = JSON.parse(JSON.stringify(exportJson(tinyBoard(), record)))
    exported.board.people.zoe1.role = 'overlord'
    const result = boardExportSchema.safeParse(exported)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['board', 'people', 'zoe1', 'role'])
  })
})
