import * as Y from 'yjs'
import { boardShape } from '../src/guard/boardShape.ts'
import { readActions } from '../src/read/readRecords.ts'
import { setPeerReviewClosed } from '../src/records/peerReviewLog.ts'
import { noteFragment } from '../src/roots.ts'
import { agreeAction, proposeAction, updateAction } from '../src/write/actions.ts'
import { acceptEvidence, addEvidence, markEvidence, setEvidenceStatus } from '../src/write/evidence.ts'
import { recordAgreedLevel } from '../src/write/levels.ts'
import { initBoard, upsertPerson } from '../src/write/server.ts'
import { startSession } from '../src/write/session.ts'
import { setTick } from '../src/write/ticks.ts'

/**
 * A small board for the snapshot's tests, on a framework of two areas: a chair, a participant and a
 * peer reviewer; ticks, an agreed level, an evidence note with formatting, two actions (one agreed
 * with a measurable plan, one dropped), a session, three pieces of evidence (one accepted, one not
 * for sharing, one retired) with a peer reviewer's mark, and the peer review closed once.
 */

/** The framework's areas and items, as the write gate and the snapshot's fit check see them. */
export const snapshotShape = boardShape([
  { id: '1a', itemIds: ['1a.emerging.1', '1a.thriving.1'] },
  { id: '1b', itemIds: ['1b.emerging.1'] },
])

/** The server's record of the assessment, with more than the snapshot keeps of it. */
export const snapshotAssessment = {
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

export function snapshotBoard(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { assessmentId: 'asmt-1', frameworkId: 'tiny', frameworkVersion: '1.0.0' })
  const base = { colour: '#005eb8', joinedAt: 1 }
  upsertPerson(doc, {
    ...base,
    id: 'chair',
    name: 'Ama',
    organisation: 'Bradford ICB',
    group: 'ics',
    role: 'chair',
  })
  upsertPerson(doc, {
    ...base,
    id: 'zoe1',
    name: 'Zoë Ñúñez',
    organisation: 'Café, Ça Va',
    group: 'lived-experience',
    role: 'participant',
  })
  upsertPerson(doc, {
    ...base,
    id: 'peer1',
    name: 'Petra Novak',
    organisation: 'Southshire ICB',
    group: 'peer-reviewer',
    role: 'peer-reviewer',
  })
  setTick(doc, 'zoe1', '1a.emerging.1', true)
  setTick(doc, 'chair', '1a.emerging.1', true)
  recordAgreedLevel(doc, 'chair', '1a', {
    level: 'emerging',
    rationale: 'Everyone is identified',
    dissent: '',
    sessionId: null,
  })
  const para = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  text.insert(0, 'Audit ')
  text.insert(6, '2024', { bold: true })
  para.insert(0, [text])
  noteFragment(doc, '1a').insert(0, [para])

  const agreed = proposeAction(
    doc,
    'zoe1',
    {
      youSaid: 'Evenings, please, near buses',
      raisedBy: ['lived-experience'],
      weDid: 'Moved the forum to evenings',
      owner: 'Comms',
      dueDate: null,
      areaIds: ['1a'],
    },
    5,
  )
  const session = startSession(doc, 'chair', Date.UTC(2025, 5, 3, 18))
  agreeAction(doc, 'chair', agreed, session, 6)
  updateAction(doc, 'chair', agreed, { feedback: { toldAt: '2025-06-20', how: 'At the June forum' } }, 7)
  const dropped = proposeAction(
    doc,
    'zoe1',
    {
      youSaid: 'Pay for travel',
      raisedBy: ['vcse', 'lived-experience'],
      weDid: '',
      owner: '',
      dueDate: null,
      areaIds: ['1b'],
    },
    8,
  )
  updateAction(doc, 'chair', dropped, { status: 'dropped', droppedReason: 'No budget until April' }, 9)

  const shared = addEvidence(
    doc,
    'zoe1',
    {
      kind: 'decision',
      title: 'Forum minutes',
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
  addEvidence(
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
  const agreedId = readActions(doc).find((a) => a.status === 'agreed')!.id
  updateAction(
    doc,
    'chair',
    agreedId,
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
  setPeerReviewClosed(doc, true, 'chair', 16)
  return doc
}
