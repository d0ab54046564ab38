import {
  acceptEvidence,
  addEvidence,
  markEvidence,
  readActions,
  setEvidenceStatus,
  updateAction,
  upsertPerson,
} from '@co-assess/board-model'
import type * as Y from 'yjs'
import { tinyBoard, ZOE } from './reportFixture.ts'

/**
 * The tiny board with evidence and a measurable plan: one shareable piece accepted for the agreed
 * level (its title names Zoë, so redaction shows), one not for sharing, one retired, a peer reviewer's
 * mark, and the agreed action's plan.
 */
export function tinyBoardWithEvidence(): { doc: Y.Doc; shared: string; private: string; retired: string } {
  const doc = tinyBoard()
  upsertPerson(doc, {
    id: 'peer1',
    name: 'Petra Novak',
    organisation: 'Southshire ICB',
    group: 'peer-reviewer',
    role: 'peer-reviewer',
    colour: '#330072',
    joinedAt: 2,
  })
  const shared = addEvidence(
    doc,
    'zoe1',
    {
      kind: 'decision',
      title: `Forum minutes where ${ZOE} spoke`,
      link: 'https://example.org/forum-minutes.pdf',
      description: 'The forum agreed an evening session',
      date: '2025-05-20',
      areaId: '1a',
      itemIds: ['1a.emerging.1'],
      shareable: true,
    },
    10,
  )
  acceptEvidence(doc, 'chair', shared, 'emerging', 11)
  const privateId = addEvidence(
    doc,
    'chair',
    {
      kind: 'testimony',
      title: 'What a carer told us in confidence',
      link: '',
      description: 'Transport is the barrier',
      date: null,
      areaId: '1a',
      itemIds: [],
      shareable: false,
    },
    12,
  )
  const retired = addEvidence(
    doc,
    'chair',
    {
      kind: 'data',
      title: 'Old survey, 2019',
      link: '',
      description: 'Superseded',
      date: '2019-01-01',
      areaId: '1b',
      itemIds: [],
      shareable: true,
    },
    13,
  )
  setEvidenceStatus(doc, 'chair', retired, 'retired', 13)
  markEvidence(doc, 'peer1', shared, { wantToSee: true, comment: 'Could we see item 4?' }, 14)
  const agreed = readActions(doc).find((a) => a.status === 'agreed')!
  updateAction(
    doc,
    'chair',
    agreed.id,
    {
      plan: {
        targetItemIds: ['1a.thriving.1'],
        targetLevel: 'thriving',
        horizon: 'this-year',
        measure: 'People from the forum at each meeting',
        baseline: '2 in May 2025',
        reviewDate: '2025-12-01',
      },
    },
    15,
  )
  return { doc, shared, private: privateId, retired }
}
