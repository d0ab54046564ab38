import {
  carryEvidence,
  initBoard,
  readActions,
  readAgreedLevels,
  readEvidence,
  readEvidenceMarks,
  readPrevious,
} from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { tinyBoardWithEvidence } from '../../test/evidenceFixture.ts'
import { tinyAssessment } from '../../test/reportFixture.ts'

const CARRIED_AT = Date.UTC(2026, 0, 5)

describe('carryEvidence', () => {
  it('opens the re-assessment with the earlier evidence to confirm, and each area’s level, rationale and actions', () => {
    const { doc: before, shared, private: privateId } = tinyBoardWithEvidence()
    const after = new Y.Doc()
    initBoard(after, { assessmentId: 'asmt-2', frameworkId: 'tiny', frameworkVersion: '1.0.0' })
    const counts = carryEvidence(
      after,
      {
        assessment: tinyAssessment,
        evidence: readEvidence(before),
        agreed: readAgreedLevels(before),
        actions: readActions(before),
      },
      CARRIED_AT,
    )
    // Retired evidence stays behind; the two others come, each a new record to confirm or retire.
    expect(counts).toEqual({ evidence: 2, areas: 2 })
    const carried = readEvidence(after)
    expect(carried.map((e) => [e.carriedFrom?.evidenceId, e.status, e.acceptedFor])).toEqual([
      [shared, 'to-confirm', null],
      [privateId, 'to-confirm', null],
    ])
    expect(carried[0]!.id).not.toBe(shared)
    expect(carried[0]).toMatchObject({
      shareable: true,
      areaId: '1a',
      itemIds: ['1a.emerging.1'],
      carriedFrom: {
        assessmentId: 'asmt-1',
        title: 'Tiny & <small>',
        startedAt: '2025-06-01T00:00:00.000Z',
        acceptedLevel: 'emerging',
      },
      updatedAt: CARRIED_AT,
    })
    // Not shareable then, not shareable now.
    expect(carried[1]!.shareable).toBe(false)
    // A peer review's marks belong to that review.
    expect(readEvidenceMarks(after).size).toBe(0)

    const previous = readPrevious(after)
    expect(previous.get('1a')).toMatchObject({
      level: 'emerging',
      rationale: '<script>alert(1)</script>',
      actions: [
        {
          youSaid: 'Evenings, please, near buses',
          status: 'agreed',
          measure: 'People from the forum at each meeting',
          baseline: '2 in May 2025',
          targetLevel: 'thriving',
          reviewDate: '2025-12-01',
        },
      ],
    })
    // An area with a dropped action but no agreed level still shows what was planned there.
    expect(previous.get('1b')).toMatchObject({ level: null, actions: [{ status: 'dropped' }] })
  })
})
