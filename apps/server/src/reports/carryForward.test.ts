import { carryForward, initBoard, readActions, readSessions } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { tinyAssessment, tinyBoard, tinyFramework } from '../../test/reportFixture.ts'
import { buildReportModel } from './buildReportModel.ts'

const CARRIED_AT = Date.UTC(2026, 0, 5)

function carried() {
  const before = tinyBoard()
  const after = new Y.Doc()
  initBoard(after, { assessmentId: 'asmt-2', frameworkId: 'tiny', frameworkVersion: '1.0.0' })
  const count = carryForward(
    after,
    { assessment: tinyAssessment, actions: readActions(before), sessions: readSessions(before) },
    CARRIED_AT,
  )
  return { before, after, count }
}

describe('carryForward', () => {
  it('copies open actions with where they came from and what had happened to them, not the old session id', () => {
    const { before, after, count } = carried()
    const old = readActions(before).find((a) => a.status === 'agreed')!
    expect(count).toBe(1)
    const [copy] = readActions(after)
    expect(copy).toMatchObject({
      youSaid: old.youSaid,
      status: 'agreed',
      carriedFrom: old.id,
      // The old board's session id would point at nothing on the new board.
      agreedInSession: null,
      updatedAt: CARRIED_AT,
    })
    expect(old.agreedInSession).not.toBeNull()
    expect(copy!.id).not.toBe(old.id)
    expect(copy!.history).toEqual([
      {
        assessmentId: 'asmt-1',
        title: 'Tiny & <small>',
        startedAt: '2025-06-01T00:00:00.000Z',
        actionId: old.id,
        status: 'agreed',
        agreed: { sessionNumber: 1, sessionStartedAt: Date.UTC(2025, 5, 3, 18) },
        feedback: { toldAt: '2025-06-20', how: 'At the June forum' },
        carriedAt: CARRIED_AT,
      },
    ])
  })

  it('adds to the history of an action carried a second time', () => {
    const { after } = carried()
    const third = new Y.Doc()
    carryForward(third, {
      assessment: { id: 'asmt-2', title: 'Tiny again', createdAt: '2026-01-05T00:00:00.000Z' },
      actions: readActions(after),
      sessions: readSessions(after),
    })
    const [copy] = readActions(third)
    expect(copy!.history!.map((h) => [h.assessmentId, h.agreed])).toEqual([
      ['asmt-1', { sessionNumber: 1, sessionStartedAt: Date.UTC(2025, 5, 3, 18) }],
      // Still agreed, but not in any session of the second board.
      ['asmt-2', { sessionNumber: null, sessionStartedAt: null }],
    ])
  })

  it('gives the new report the history in the action facts, and says where it was agreed', () => {
    const { after } = carried()
    const model = buildReportModel(
      after,
      tinyFramework,
      { ...tinyAssessment, id: 'asmt-2' },
      { names: false },
    )
    const [action] = model.actions
    expect(action!.agreedIn).toBe(
      'Before this assessment, in "Tiny & <small>": agreed in session 1, started 3 June 2025',
    )
    expect(action!.history).toEqual([
      'In "Tiny & <small>" (started 1 June 2025): status agreed; agreed in session 1, started 3 June 2025; the people who raised it were told on 20 June 2025 (At the June forum).',
    ])
  })
})
