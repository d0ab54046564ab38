import {
  agreeAction,
  initBoard,
  noteFragment,
  proposeAction,
  recordAgreedLevel,
  setTick,
  startSession,
  updateAction,
  upsertPerson,
} from '@co-assess/board-model'
import type { Framework } from '@co-assess/framework'
import * as Y from 'yjs'

/** A two-area framework and a small board on it, for the renderers' unit tests. */
export const tinyFramework: Framework = {
  id: 'tiny',
  version: '1.0.0',
  title: 'Tiny framework',
  levels: [
    { id: 'emerging', label: 'Emerging' },
    { id: 'thriving', label: 'Thriving' },
  ],
  phases: [
    {
      id: '1',
      title: 'Check',
      areas: [
        {
          id: '1a',
          title: 'Identifying stakeholders',
          summary: 'Who is affected.',
          healthInequalities: 'Link.',
          levels: [
            { level: 'emerging', items: [{ id: '1a.emerging.1', text: 'Identify everyone' }] },
            { level: 'thriving', items: [{ id: '1a.thriving.1', text: 'Co-own projects' }] },
          ],
        },
        {
          id: '1b',
          title: 'Reviewing evidence',
          summary: 'What is known.',
          healthInequalities: 'Link.',
          levels: [{ level: 'emerging', items: [{ id: '1b.emerging.1', text: 'Use datasets' }] }],
        },
      ],
    },
  ],
}

export const ZOE = 'Zoë <b>Ñúñez</b>'

export function tinyBoard(): Y.Doc {
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
    name: ZOE,
    organisation: 'Café, Ça Va',
    group: 'lived-experience',
    role: 'participant',
  })
  setTick(doc, 'zoe1', '1a.emerging.1', true)
  setTick(doc, 'chair', '1a.emerging.1', true)
  recordAgreedLevel(doc, 'chair', '1a', {
    level: 'emerging',
    rationale: '<script>alert(1)</script>',
    dissent: '',
    sessionId: null,
  })
  const para = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  text.insert(0, 'Audit ')
  text.insert(6, '2024', { bold: true })
  para.insert(0, [text])
  noteFragment(doc, '1a').insert(0, [para])
  const id = proposeAction(
    doc,
    'zoe1',
    {
      youSaid: 'Evenings, please, near buses',
      raisedBy: ['lived-experience'],
      weDid: '[click](http://evil) | moved',
      owner: 'Comms',
      dueDate: null,
      areaIds: ['1a'],
    },
    5,
  )
  // 2025-06-03: a fixed session start, so the report's "started" date is known.
  const session = startSession(doc, 'chair', Date.UTC(2025, 5, 3, 18))
  agreeAction(doc, 'chair', id, session, 6)
  updateAction(doc, 'chair', id, { feedback: { toldAt: '2025-06-20', how: 'At the June forum' } }, 7)
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
  return doc
}

export const tinyAssessment = {
  id: 'asmt-1',
  title: 'Tiny & <small>',
  workstream: 'Engagement',
  scope: 'strategic',
  createdAt: '2025-06-01T00:00:00.000Z',
}
