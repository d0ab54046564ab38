import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardShape } from '../guard/boardShape.ts'
import { guardUpdate } from '../guard/guardUpdate.ts'
import type { Writer } from '../guard/writeRules.ts'
import { metaMap } from '../roots.ts'
import { initBoard } from '../write/server.ts'
import { readReviewLog, reviewEventKey, reviewLogMap, setPeerReviewClosed } from './peerReviewLog.ts'

const shape = boardShape([{ id: '1a', itemIds: ['1a.emerging.1'] }])

function board() {
  const doc = new Y.Doc()
  initBoard(doc, { assessmentId: 'assess-1', frameworkId: 'cqc-hi-2025', frameworkVersion: '1.0.0' })
  return doc
}

describe('the peer review log', () => {
  it('closes and reopens the review, logging who and when, oldest first, and skips a change to the same state', () => {
    const doc = board()
    expect(setPeerReviewClosed(doc, false, 'chair-01', 1)).toBe(false)
    expect(setPeerReviewClosed(doc, true, 'chair-01', 10)).toBe(true)
    expect(metaMap(doc).get('reviewClosedAt')).toBe(10)
    expect(setPeerReviewClosed(doc, true, 'chair-02', 11)).toBe(false)
    expect(setPeerReviewClosed(doc, false, 'chair-02', 20)).toBe(true)
    expect(metaMap(doc).get('reviewClosedAt')).toBeNull()
    expect(readReviewLog(doc)).toEqual([
      { kind: 'closed', by: 'chair-01', at: 10 },
      { kind: 'reopened', by: 'chair-02', at: 20 },
    ])
  })

  it('keys events so they sort as they happened, and reads only valid keys', () => {
    expect(reviewEventKey.decode(reviewEventKey.encode(123, 4))).toEqual({ at: 123, sequence: 4 })
    expect(reviewEventKey.encode(9, 0) < reviewEventKey.encode(10, 0)).toBe(true)
    expect(reviewEventKey.decode('x')).toBeNull()
  })

  it('is refused from every client, a chair included', () => {
    const doc = board()
    for (const role of ['chair', 'participant', 'peer-reviewer', 'observer'] as const) {
      const writer: Writer = { personId: 'someone1', role, documentKind: 'board' }
      const client = new Y.Doc()
      Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
      const before = Y.encodeStateVector(client)
      reviewLogMap(client).set(reviewEventKey.encode(5, 0), { kind: 'reopened', by: 'someone1', at: 5 })
      const verdict = guardUpdate(doc, Y.encodeStateAsUpdate(client, before), writer, shape)
      expect(verdict.allowed).toBe(false)
      // An observer is refused before any record is looked at; everyone else by this record's rule.
      if (!verdict.allowed && role !== 'observer')
        expect(verdict.reason).toMatch(/closes or reopens the peer review/)
    }
  })
})
