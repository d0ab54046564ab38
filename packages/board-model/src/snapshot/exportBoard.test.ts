import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { snapshotAssessment as record, snapshotBoard, snapshotShape } from '../../test/snapshotFixture.ts'
import { setBlindProgress } from '../records/blindProgress.ts'
import { noteFragment } from '../roots.ts'
import { setAnonymousTally } from '../write/server.ts'
import { revealBlindRound, startBlindRound } from '../write/session.ts'
import { ExportNotWhole, exportBoard } from './exportBoard.ts'
import { importBoard } from './importBoard.ts'
import { misfitWithFramework } from './snapshotFit.ts'
import { boardSnapshotSchema } from './snapshotSchema.ts'
import { stringifyJson } from './stringifyJson.ts'

describe('exportBoard and importBoard', () => {
  it('round-trip a board exactly, notes and their formatting included', () => {
    const original = snapshotBoard()
    const exported = boardSnapshotSchema.parse(JSON.parse(JSON.stringify(exportBoard(original, record))))
    const copy = new Y.Doc()
    importBoard(copy, exported, 'asmt-1')
    expect(exportBoard(copy, record, new Date(exported.exportedAt))).toEqual(exported)
    expect(copy.getXmlFragment('note:1a').toString()).toBe(original.getXmlFragment('note:1a').toString())
    expect(copy.getXmlFragment('note:1a').toString()).toContain('<bold>2024</bold>')
  })

  it('keeps only the assessment fields a snapshot names', () => {
    expect(exportBoard(snapshotBoard(), record).assessment).toEqual({
      title: 'Tiny',
      frameworkId: 'tiny',
      frameworkVersion: '1.0.0',
      scope: 'strategic',
      workstream: 'Engagement',
      createdAt: '2025-06-01T00:00:00.000Z',
    })
  })

  it('refuses to export while a blind round runs, naming the areas, and exports once it is revealed', () => {
    const board = snapshotBoard()
    startBlindRound(board, 'chair', '1b')
    startBlindRound(board, 'chair', '1a')
    expect(() => exportBoard(board, record)).toThrow(ExportNotWhole)
    expect(() => exportBoard(board, record)).toThrow(/areas 1a, 1b\. .*Reveal the round, then export/)
    revealBlindRound(board, 'chair', '1a')
    expect(() => exportBoard(board, record)).toThrow(/area 1b\./)
    revealBlindRound(board, 'chair', '1b')
    expect(exportBoard(board, record).board.live['round:1b']).toMatchObject({ mode: 'revealed' })
  })

  it("round-trips what the server counted: an anonymous round's tally and a blind round's progress", () => {
    const original = snapshotBoard()
    setAnonymousTally(original, '1a', {
      respondents: 5,
      respondentsByGroup: { ics: 2, vcse: 3 },
      items: { '1a.emerging.1': { ics: 2, vcse: 1 } },
      at: 1_750_000_000_000,
    })
    setBlindProgress(original, '1b', { ticked: 4, roundStartedAt: 1_750_000_000_000, at: 1_750_000_001_000 })
    const exported = boardSnapshotSchema.parse(JSON.parse(JSON.stringify(exportBoard(original, record))))
    const copy = new Y.Doc()
    importBoard(copy, exported, 'asmt-1')
    expect(exportBoard(copy, record, new Date(exported.exportedAt))).toEqual(exported)
    expect(exported.board.live['tally:1a']).toMatchObject({ respondents: 5 })
    expect(exported.board.live['progress:1b']).toMatchObject({ ticked: 4 })
  })

  it('refuses a live setting the board does not have, or a value that is not its kind, naming the key', () => {
    const exported = JSON.parse(JSON.stringify(exportBoard(snapshotBoard(), record)))
    exported.board.live['colour:1a'] = 'red'
    const unknownKey = boardSnapshotSchema.safeParse(exported)
    expect(unknownKey.error?.issues[0]).toMatchObject({
      path: ['board', 'live', 'colour:1a'],
      message: "is not one of the board's live settings",
    })
    delete exported.board.live['colour:1a']
    exported.board.live['tally:1a'] = { respondents: -1 }
    const badValue = boardSnapshotSchema.safeParse(exported)
    expect(badValue.error?.issues[0]).toMatchObject({
      path: ['board', 'live', 'tally:1a'],
      message: 'is not a valid tally',
    })
  })

  it('refuses a file whose records do not validate', () => {
    const exported = JSON.parse(JSON.stringify(exportBoard(snapshotBoard(), record)))
    exported.board.people.zoe1.role = 'overlord'
    const result = boardSnapshotSchema.safeParse(exported)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['board', 'people', 'zoe1', 'role'])
  })

  it('round-trips a note thousands of levels deep, and names the field of a bad node deep inside', () => {
    const original = snapshotBoard()
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
    const file = stringifyJson(exportBoard(original, record))
    const exported = boardSnapshotSchema.parse(JSON.parse(file))
    const copy = new Y.Doc()
    importBoard(copy, exported, 'asmt-1')
    const notes = (board: Y.Doc) => stringifyJson(exportBoard(board, record).board.notes)
    expect(notes(copy)).toBe(notes(original))
    expect(notes(copy)).toContain('"insert":"bottom"')

    // The bottom element of the deep note gets a name no element may have.
    const bottom = file.lastIndexOf('"name":"paragraph"')
    const bad = JSON.parse(
      `${file.slice(0, bottom)}"name":"<p>"${file.slice(bottom + '"name":"paragraph"'.length)}`,
    )
    const result = boardSnapshotSchema.safeParse(bad)
    expect(result.success).toBe(false)
    const path = result.error!.issues[0]!.path
    expect(path.slice(0, 5)).toEqual(['board', 'notes', '1b', 0, 'children'])
    expect(path.length).toBe(4 + 2 * (depth - 1) + 1)
    expect(path.at(-1)).toBe('name')
  })

  it('refuses what the board itself could never hold, naming the field', () => {
    const exported = () => JSON.parse(stringifyJson(exportBoard(snapshotBoard(), record)))
    const firstProblem = (file: unknown) => {
      const result = boardSnapshotSchema.safeParse(file)
      if (!result.success)
        return { path: result.error.issues[0]!.path, message: result.error.issues[0]!.message }
      return misfitWithFramework(result.data, snapshotShape)
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
