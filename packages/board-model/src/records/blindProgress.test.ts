import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardShape } from '../guard/boardShape.ts'
import { guardUpdate } from '../guard/guardUpdate.ts'
import type { Writer } from '../guard/writeRules.ts'
import { liveMap } from '../roots.ts'
import type { Round } from '../values.ts'
import { initBoard } from '../write/server.ts'
import { startBlindRound } from '../write/session.ts'
import {
  progressOfRound,
  readBlindProgress,
  readBlindProgressByArea,
  setBlindProgress,
} from './blindProgress.ts'
import { LIVE_KEYS } from './liveKey.ts'

const shape = boardShape([{ id: '1a', itemIds: ['1a.emerging.1'] }])
const alice: Writer = { personId: 'alice-01', role: 'participant', documentKind: 'board' }
const chair: Writer = { personId: 'chair-01', role: 'chair', documentKind: 'board' }

function serverDoc(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { assessmentId: 'assess-1', frameworkId: 'cqc-hi-2025', frameworkVersion: '1.0.0' })
  return doc
}

function clientEdit(server: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  edit(client)
  return Y.encodeStateAsUpdate(client, before)
}

describe('blind round progress', () => {
  it('is refused from every client, the chair included, and written by the server', () => {
    const server = serverDoc()
    const progress = { ticked: 4, roundStartedAt: 1, at: 2 }
    for (const writer of [alice, chair, { ...alice, documentKind: 'blind' as const }]) {
      const verdict = guardUpdate(
        server,
        clientEdit(server, (c) => setBlindProgress(c, '1a', progress)),
        writer,
        shape,
      )
      expect(verdict.allowed ? null : verdict.reason).toMatch(
        /only the server counts|private blind-round document/,
      )
    }
    setBlindProgress(server, '1a', progress)
    const removal = guardUpdate(
      server,
      clientEdit(server, (c) => liveMap(c).delete(LIVE_KEYS.progress('1a'))),
      chair,
      shape,
    )
    expect(removal.allowed ? null : removal.reason).toMatch(/only the server counts who has ticked/)
  })

  it('reads only the count of the blind round running now', () => {
    const board = serverDoc()
    startBlindRound(board, 'chair-01', '1a')
    const round = () => liveMap(board).get(LIVE_KEYS.round('1a')) as Round
    setBlindProgress(board, '1a', { ticked: 2, roundStartedAt: round().startedAt - 1, at: 1 })
    // A count left from an earlier round is not this round's.
    expect(readBlindProgress(board, '1a', round())).toBeNull()
    setBlindProgress(board, '1a', { ticked: 3, roundStartedAt: round().startedAt, at: 1 })
    expect(readBlindProgress(board, '1a', round())?.ticked).toBe(3)
    expect(readBlindProgress(board, '1a', { ...round(), mode: 'revealed' })).toBeNull()
  })

  it("reads every area's count, whatever round it was of, for pairing with the round running now", () => {
    const board = serverDoc()
    startBlindRound(board, 'chair-01', '1a', 100)
    setBlindProgress(board, '1a', { ticked: 3, roundStartedAt: 100, at: 5 })
    setBlindProgress(board, '2b', { ticked: 1, roundStartedAt: 40, at: 6 })
    // A value that does not validate is left out rather than shown as a count.
    liveMap(board).set(LIVE_KEYS.progress('3c'), { ticked: -1, roundStartedAt: 1, at: 1 } as never)
    const all = readBlindProgressByArea(board)
    expect([...all.keys()].sort()).toEqual(['1a', '2b'])
    const round = liveMap(board).get(LIVE_KEYS.round('1a')) as Round
    expect(progressOfRound(all.get('1a'), round)?.ticked).toBe(3)
    expect(progressOfRound(all.get('1a'), { ...round, startedAt: 101 })).toBeNull()
    expect(progressOfRound(all.get('2b'), undefined)).toBeNull()
    expect(progressOfRound(all.get('1a'), { ...round, mode: 'revealed' })).toBeNull()
  })
})
