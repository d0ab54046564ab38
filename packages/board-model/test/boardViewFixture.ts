import type { Person, StakeholderGroup } from '@co-assess/board-model'
import type * as Y from 'yjs'
import { readBoardView as readWith, type ViewShape } from '../src/view/boardView.ts'

/** Test fixtures for the board view: a person, and a framework of two areas with two items each. */
export const person = (id: string, group: StakeholderGroup = 'ics'): Person => ({
  id,
  name: id,
  organisation: 'Org',
  group,
  role: 'participant',
  colour: '#005eb8',
  joinedAt: 1,
})

export const twoAreaShape: ViewShape = {
  areas: ['1a', '2a'].map((id) => ({
    id,
    levels: [{ level: 'emerging', items: [1, 2].map((n) => ({ id: `${id}.emerging.${n}` })) }],
  })),
  levels: [{ id: 'emerging', label: 'Emerging' }],
}

export const readTwoAreaBoard = (doc: Y.Doc, blind: Y.Doc | null, personId: string) =>
  readWith(doc, blind, personId, twoAreaShape)
