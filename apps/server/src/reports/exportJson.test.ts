import { noteFragment, revealBlindRound, startBlindRound } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { tinyBoard, tinyFramework } from '../../test/reportFixture.ts'
import { boardExportSchema } from './boardExport.ts'
import { frameworkShape, misfitWithFramework } from './exportFit.ts'
import { ExportNotWhole, exportJson } from './exportJson.ts'
import { importJson } from './importJson.ts'
import { stringifyJson } from './stringifyJson.ts'

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

  it('round-trips a note thousands of levels deep, and names the field of a bad node deep inside', () => {
    const original = tinyBoard()
    const depth = 5000
    original.transact(() => {
      let parent: Y.XmlFragment | Y.XmlElement = noteFragment(original, '1b')
      for (let level = 0; level < depth; level++) {
        const child: Y.XmlElement = new Y.XmlElement('paragraph')
        parent.insert(0, [child])
        parent = child
      }
      parent.insert(0, [new Y.XmlText('bottom')])
    })
    const file = stringifyJson(exportJson(original, record))
    const exported = boardExportSchema.parse(JSON.parse(file))
    const copy = new Y.Doc()
    importJson(copy, exported, 'asmt-1')
    const notes = (board: Y.Doc) => stringifyJson(exportJson(board, record).board.notes)
    expect(notes(copy)).toBe(notes(original))
    expect(notes(copy)).toContain('"insert":"bottom"')

    // The bottom element of the deep note gets a name no element may have.
    const bottom = file.lastIndexOf('"name":"paragraph"')
    const bad = JSON.parse(
      `${file.slice(0, bottom)}"name":"<p>"${file.slice(bottom + '"name":"paragraph"'.length)}`,
    )
    const result = boardExportSchema.safeParse(bad)
    expect(result.success).toBe(false)
    const path = result.error!.issues[0]!.path
    expect(path.slice(0, 5)).toEqual(['board', 'notes', '1b', 0, 'children'])
    expect(path.length).toBe(4 + 2 * (depth - 1) + 1)
    expect(path.at(-1)).toBe('name')
  })

  it('refuses what the board itself could never hold, naming the field', () => {
    const exported = () => JSON.parse(stringifyJson(exportJson(tinyBoard(), record)))
    const firstProblem = (file: unknown) => {
      const result = boardExportSchema.safeParse(file)
      if (!result.success)
        return { path: result.error.issues[0]!.path, message: result.error.issues[0]!.message }
      return misfitWithFramework(result.data, frameworkShape(tinyFramework))
    }
    expect(firstProblem(exported())).toBeNull()

    const nul = exported()
    nul.assessment.title = 'Board\u0000 papers'
    expect(firstProblem(nul)).toMatchObject({ path: ['assessment', 'title'], message: /control characters/ })

    const stranger = exported()
    stranger.board.ticks['nobody1/1a.emerging.1'] = { ticked: true, at: 1 }
    expect(firstProblem(stranger)).toMatchObject({
      path: ['board', 'ticks', 'nobody1/1a.emerging.1'],
      message: /"nobody1", who is not on the board/,
    })

    const unknownItem = exported()
    unknownItem.board.ticks['zoe1/9z.emerging.1'] = { ticked: true, at: 1 }
    expect(firstProblem(unknownItem)).toEqual({
      path: ['board', 'ticks', 'zoe1/9z.emerging.1'],
      message: '"9z.emerging.1" is not a checklist item of this framework',
    })

    const unknownArea = exported()
    unknownArea.board.agreed['9z'] = unknownArea.board.agreed['1a']
    expect(firstProblem(unknownArea)).toMatchObject({ path: ['board', 'agreed', '9z'] })

    const otherFramework = exported()
    otherFramework.board.meta.frameworkId = 'cqc-hi-2025'
    expect(firstProblem(otherFramework)).toMatchObject({ path: ['board', 'meta', 'frameworkId'] })

    const renamed = exported()
    renamed.board.people.zoe1.id = 'chair'
    expect(firstProblem(renamed)).toMatchObject({ path: ['board', 'people', 'zoe1', 'id'] })
  })
})
