import { carryForward, initBoard, readActions, readSessions, recordAgreedLevel } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { tinyBoardWithEvidence } from '../../test/evidenceFixture.ts'
import { tinyAssessment, tinyFramework } from '../../test/reportFixture.ts'
import { redactionFor } from './redaction.ts'
import { buildComparison, renderComparison } from './renderComparison.ts'

describe('the comparison beside each area’s change in level', () => {
  it('lists the actions that aimed at the area, their measure, status then and now, and whether the target was reached', () => {
    const { doc: before } = tinyBoardWithEvidence()
    const after = new Y.Doc()
    initBoard(after, { assessmentId: 'asmt-2', frameworkId: 'tiny', frameworkVersion: '1.0.0' })
    carryForward(after, {
      assessment: tinyAssessment,
      actions: readActions(before),
      sessions: readSessions(before),
    })
    recordAgreedLevel(after, 'chair', '1a', {
      level: 'thriving',
      rationale: '',
      dissent: '',
      sessionId: null,
    })
    const comparison = buildComparison(
      tinyFramework,
      { doc: before, title: 'Then', createdAt: '2025-06-01T00:00:00.000Z' },
      { doc: after, title: 'Now', createdAt: '2026-01-05T00:00:00.000Z' },
      redactionFor('participants', { people: [] }),
    )
    const [area1a, area1b] = comparison.areas
    expect(area1a!.movement).toBe(1)
    expect(area1a!.aimed).toEqual([
      {
        youSaid: 'Evenings, please, near buses',
        statusThen: 'Agreed',
        statusNow: 'Agreed',
        measure: 'People from the forum at each meeting',
        baseline: '2 in May 2025',
        reviewDate: '2025-12-01',
        targetLevel: 'Thriving',
        targetReached: true,
      },
    ])
    // The dropped action had no plan and was not carried: listed with its status then only.
    expect(area1b!.aimed).toMatchObject([
      { youSaid: 'Pay for travel', statusThen: 'Dropped', statusNow: null, targetLevel: null },
    ])

    const html = renderComparison(comparison)
    expect(html).toContain('<th scope="col">Actions planned for it last time</th>')
    expect(html).toContain('Aimed at Thriving: reached.')
    expect(html).toContain('Measure: People from the forum at each meeting (baseline 2 in May 2025).')
  })
})
