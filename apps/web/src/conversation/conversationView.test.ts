import {
  type Action,
  boardShape,
  type Comment,
  initBoard,
  mayWriteMapEntry,
  type Person,
  ROOTS,
  type Role,
  type Thread,
} from '@co-assess/board-model'
import { actionsMap } from '@co-assess/board-model/roots'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  actionEditing,
  awaitingFeedback,
  filterActions,
  filterThreads,
  isOverdue,
  mentionIds,
  mentionsOf,
  openThreadsByArea,
} from './conversationView.ts'

const person = (id: string, group: Person['group']): Person => ({
  id,
  name: id,
  organisation: 'Org',
  group,
  role: 'participant',
  colour: '#000000',
  joinedAt: 0,
})
const people = new Map([
  ['ivy', person('ivy', 'ics')],
  ['vic', person('vic', 'vcse')],
])
const comment = (id: string, authorId: string, mentions: string[] = []): Comment => ({
  id,
  threadId: id,
  anchor: { areaId: '1a', itemId: null },
  authorId,
  layer: 'host',
  body: { type: 'doc', content: [] },
  text: id,
  mentions,
  createdAt: 1,
  editedAt: null,
  deleted: false,
})
const thread = (id: string, areaId: string, resolved: boolean, authors: string[]): Thread => ({
  id,
  anchor: { areaId, itemId: null },
  layer: 'host',
  resolved,
  comments: authors.map((a, i) => comment(`${id}-${i}`, a, a === 'vic' ? ['ivy'] : [])),
})
const threads = [
  thread('t1', '1a', false, ['ivy']),
  thread('t2', '1a', true, ['ivy', 'vic']),
  thread('t3', '2b', false, ['vic']),
]

describe('threads', () => {
  it('filters by group, state and area', () => {
    const ids = (f: Parameters<typeof filterThreads>[1]) => filterThreads(threads, f, people).map((t) => t.id)
    expect(ids({ group: 'all', state: 'all', areaId: 'all' })).toEqual(['t1', 't2', 't3'])
    expect(ids({ group: 'vcse', state: 'all', areaId: 'all' })).toEqual(['t2', 't3'])
    expect(ids({ group: 'all', state: 'open', areaId: '1a' })).toEqual(['t1'])
    expect(ids({ group: 'all', state: 'resolved', areaId: 'all' })).toEqual(['t2'])
  })
  it('counts open threads per area and finds mentions', () => {
    expect(openThreadsByArea(threads)).toEqual(
      new Map([
        ['1a', 1],
        ['2b', 1],
      ]),
    )
    expect(mentionsOf(threads, 'ivy').map((m) => m.threadId)).toEqual(['t2', 't3'])
    expect(
      mentionIds({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'mention', attrs: { id: 'a' } },
              { type: 'mention', attrs: { id: 'a' } },
            ],
          },
        ],
      }),
    ).toEqual(['a'])
  })
})

describe('actions', () => {
  const action = (patch: Partial<Action>): Action => ({
    id: 'a1',
    youSaid: '',
    raisedBy: [],
    weDid: '',
    whatChanged: '',
    owner: 'Sam',
    dueDate: null,
    status: 'agreed',
    droppedReason: '',
    areaIds: ['1a'],
    proposedBy: 'ivy',
    fromCommentId: null,
    agreedInSession: null,
    feedback: { toldAt: null, how: '' },
    createdAt: 0,
    updatedAt: 0,
    carriedFrom: null,
    ...patch,
  })
  it('marks open actions past their date as overdue', () => {
    expect(isOverdue(action({ dueDate: '2026-01-01' }), '2026-01-02')).toBe(true)
    expect(isOverdue(action({ dueDate: '2026-01-02' }), '2026-01-02')).toBe(false)
    expect(isOverdue(action({ dueDate: '2026-01-01', status: 'done' }), '2026-02-01')).toBe(false)
  })
  it('lists finished actions nobody has been told about', () => {
    expect(awaitingFeedback(action({ status: 'dropped' }))).toBe(true)
    expect(
      awaitingFeedback(action({ status: 'done', feedback: { toldAt: '2026-01-01', how: 'email' } })),
    ).toBe(false)
    expect(awaitingFeedback(action({ status: 'agreed' }))).toBe(false)
  })
  it('offers editing exactly where the server accepts it', () => {
    const doc = new Y.Doc()
    initBoard(doc, { assessmentId: 'assess-1', frameworkId: 'cqc-hi-2025', frameworkVersion: '1.0.0' })
    const serverAllows = (role: Role, stored: Action, changed: Action) => {
      actionsMap(doc).set(stored.id, stored)
      const write = { op: 'insert' as const, root: ROOTS.actions, key: stored.id, value: changed }
      const shape = boardShape([{ id: '1a', itemIds: [] }])
      return (
        mayWriteMapEntry({ personId: 'ivy-0001', role, documentKind: 'board' }, doc, write, shape) === null
      )
    }
    // Ids the server's schema accepts, unlike the short ones the helper uses for plain list tests.
    const mine = (patch: Partial<Action>) => action({ id: 'act-0001', proposedBy: 'ivy-0001', ...patch })
    const proposal = mine({ status: 'proposed' })
    const reworded = (a: Action) => ({ ...a, youSaid: 'Reworded', raisedBy: ['vcse' as const] })
    const cases: Array<[Role, Action]> = [
      ['chair', proposal],
      ['chair', mine({ status: 'done' })],
      ['participant', proposal],
      ['participant', mine({ status: 'agreed' })],
      ['participant', mine({ status: 'proposed', proposedBy: 'someone-else' })],
      ['participant', mine({ status: 'proposed', agreedInSession: 'session-1' })],
      ['observer', proposal],
      ['peer-reviewer', proposal],
    ]
    for (const [role, stored] of cases) {
      const editing = actionEditing(stored, { id: 'ivy-0001', role })
      expect(editing !== null, `${role} on a ${stored.status} action`).toBe(
        serverAllows(role, stored, reworded(stored)),
      )
    }
    expect(actionEditing(proposal, { id: 'ivy-0001', role: 'participant' })).toBe('proposal')
    // A proposer's form leaves out the status, because the server refuses them that change.
    expect(serverAllows('participant', proposal, { ...proposal, status: 'agreed' })).toBe(false)
    expect(actionEditing(proposal, { id: 'ivy-0001', role: 'chair' })).toBe('all')
    expect(serverAllows('chair', proposal, { ...proposal, status: 'agreed' })).toBe(true)
  })
  it('filters by status, owner and area', () => {
    const list = [action({ id: 'x' }), action({ id: 'y', owner: 'Kim', areaIds: ['2b'], status: 'done' })]
    expect(filterActions(list, { status: 'done', owner: 'all', areaId: 'all' }).map((a) => a.id)).toEqual([
      'y',
    ])
    expect(filterActions(list, { status: 'all', owner: 'Sam', areaId: '1a' }).map((a) => a.id)).toEqual(['x'])
  })
})
