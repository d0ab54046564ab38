import { describe, expect, it } from 'vitest'
import { memoryStorage } from '../../test/memoryStorage.ts'
import type { AssessmentDetail } from '../api/apiTypes.ts'
import type { Framework } from '../framework/frameworkTypes.ts'
import { type BoardCopy, clearBoardCopy, loadBoardCopy, saveBoardCopy } from './boardCopy.ts'

const detail: AssessmentDetail = {
  assessment: {
    id: 'assess1',
    title: 'Workshop',
    frameworkId: 'fw',
    frameworkVersion: '1.0.0',
    scope: 'strategic',
    workstream: 'All',
    createdAt: '2030-01-01T00:00:00.000Z',
    previousAssessmentId: null,
    reviewClosedAt: null,
    publication: null,
    groups: [{ id: 'ics', label: 'ICS' }],
  },
  participants: [],
}
const framework = { id: 'fw', version: '1.0.0', phases: [] } as unknown as Framework
const copy: BoardCopy = { detail, framework }

describe('the board copy kept for opening offline', () => {
  it('gives back what the board last opened with, to the same person only', () => {
    const storage = memoryStorage()
    saveBoardCopy(storage, 'p1', copy)
    expect(loadBoardCopy(storage, 'assess1', 'p1')).toEqual(copy)
    expect(loadBoardCopy(storage, 'assess1', 'p2')).toBeNull()
    expect(loadBoardCopy(storage, 'other', 'p1')).toBeNull()
  })

  it('is dropped on sign-out, and ignores damaged or missing parts', () => {
    const storage = memoryStorage()
    saveBoardCopy(storage, 'p1', copy)
    clearBoardCopy(storage, 'assess1')
    expect(loadBoardCopy(storage, 'assess1', 'p1')).toBeNull()

    saveBoardCopy(storage, 'p1', copy)
    storage.removeItem('co-assess:framework:fw')
    expect(loadBoardCopy(storage, 'assess1', 'p1')).toBeNull()
    storage.setItem('co-assess:board-copy:assess1', '{not json')
    expect(loadBoardCopy(storage, 'assess1', 'p1')).toBeNull()
  })

  it('writes the framework again only when it changed', () => {
    const storage = memoryStorage()
    const written: string[] = []
    const setItem = storage.setItem
    storage.setItem = (key, value) => {
      written.push(key)
      setItem(key, value)
    }
    saveBoardCopy(storage, 'p1', copy)
    saveBoardCopy(storage, 'p1', copy)
    const changed = { ...framework, version: '1.1.0' } as Framework
    saveBoardCopy(storage, 'p1', { detail, framework: changed })
    expect(written.filter((key) => key === 'co-assess:framework:fw')).toHaveLength(2)
    expect(written.filter((key) => key === 'co-assess:board-copy:assess1')).toHaveLength(3)
    expect(loadBoardCopy(storage, 'assess1', 'p1')?.framework).toEqual(changed)
  })

  it('carries on when storage refuses to keep it', () => {
    const storage = memoryStorage()
    storage.setItem = () => {
      throw new Error('QuotaExceededError')
    }
    expect(() => saveBoardCopy(storage, 'p1', copy)).not.toThrow()
    expect(loadBoardCopy(storage, 'assess1', 'p1')).toBeNull()
  })
})
