import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { commentsMap, peopleMap, ticksMap } from '../roots.ts'
import type { Person } from '../values.ts'
import {
  isRecordedParticipant,
  readRecordedParticipants,
  recordAnswers,
  recordedKey,
  recordedMap,
  recordedMark,
  recordedParticipantSchema,
  recordParticipant,
} from './recordedParticipant.ts'

const rosa: Person = {
  id: 'rosa-001',
  name: 'Rosa Diaz',
  organisation: 'Carers Together',
  group: 'lived-experience',
  role: 'participant',
  colour: '#005eb8',
  joinedAt: 10,
}

describe('recorded participants', () => {
  it('validates how, who entered and when, and nothing else', () => {
    expect(
      recordedParticipantSchema.safeParse({ how: 'phone', enteredBy: 'chair-01', enteredAt: 1 }).success,
    ).toBe(true)
    expect(
      recordedParticipantSchema.safeParse({ how: 'email', enteredBy: 'chair-01', enteredAt: 1 }).success,
    ).toBe(false)
    expect(
      recordedParticipantSchema.safeParse({ how: 'paper', enteredBy: 'chair-01', enteredAt: 1, name: 'x' })
        .success,
    ).toBe(false)
    expect(recordedParticipantSchema.safeParse({ how: 'paper', enteredBy: 'no', enteredAt: 1 }).success).toBe(
      false,
    )
  })

  it('keys a record by the person id, and refuses a key that is not an id', () => {
    expect(recordedKey.decode(recordedKey.encode('rosa-001'))).toBe('rosa-001')
    expect(recordedKey.decode('rosa/1a')).toBeNull()
    expect(recordedKey.decode('')).toBeNull()
  })

  it('writes the person and the record together, and reads back only valid records', () => {
    const doc = new Y.Doc()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    recordParticipant(doc, rosa, { how: 'paper', enteredBy: 'chair-01', enteredAt: 11 })
    expect(transactions).toBe(1)
    expect(peopleMap(doc).get('rosa-001')).toEqual(rosa)
    expect(isRecordedParticipant(doc, 'rosa-001')).toBe(true)
    recordedMap(doc).set('bad-0001', { how: 'letter' } as never)
    expect([...readRecordedParticipants(doc)]).toEqual([
      ['rosa-001', { how: 'paper', enteredBy: 'chair-01', enteredAt: 11 }],
    ])
  })

  it('is not a recorded participant without both records, or as anything but a participant', () => {
    const doc = new Y.Doc()
    expect(isRecordedParticipant(doc, 'rosa-001')).toBe(false)
    recordedMap(doc).set('rosa-001', { how: 'paper', enteredBy: 'chair-01', enteredAt: 11 })
    expect(isRecordedParticipant(doc, 'rosa-001')).toBe(false)
    peopleMap(doc).set('rosa-001', { ...rosa, role: 'chair' })
    expect(isRecordedParticipant(doc, 'rosa-001')).toBe(false)
    expect(() =>
      recordParticipant(
        doc,
        { ...rosa, role: 'observer' },
        { how: 'paper', enteredBy: 'chair-01', enteredAt: 1 },
      ),
    ).toThrow()
  })

  it('records answers: only changed ticks, every item answered, views as a comment in their name', () => {
    const doc = new Y.Doc()
    recordParticipant(doc, rosa, { how: 'phone', enteredBy: 'chair-01', enteredAt: 11 })
    const id = recordAnswers(
      doc,
      'chair-01',
      'rosa-001',
      {
        ticks: [
          ['1a.emerging.1', true],
          ['1a.emerging.2', false],
        ],
        views: { areaId: '1a', text: ' Nobody asked us.\n\nThe bus is the problem. ' },
      },
      20,
    )
    expect(ticksMap(doc).toJSON()).toEqual({
      'rosa-001/1a.emerging.1': { ticked: true, at: 20 },
      'rosa-001/1a.emerging.2': { ticked: false, at: 20 },
    })
    const comment = commentsMap(doc).get(id!)
    expect(comment).toMatchObject({
      authorId: 'rosa-001',
      layer: 'host',
      text: 'Nobody asked us.\nThe bus is the problem.',
    })
    expect(comment?.body.content).toHaveLength(2)

    // Saving again with one change writes that tick only, and no empty comment.
    const again = recordAnswers(
      doc,
      'chair-01',
      'rosa-001',
      {
        ticks: [
          ['1a.emerging.1', true],
          ['1a.emerging.2', true],
        ],
        views: { areaId: '1a', text: '  ' },
      },
      30,
    )
    expect(again).toBeNull()
    expect(ticksMap(doc).get('rosa-001/1a.emerging.1')?.at).toBe(20)
    expect(ticksMap(doc).get('rosa-001/1a.emerging.2')).toEqual({ ticked: true, at: 30 })
    expect(commentsMap(doc).size).toBe(1)
  })

  it('says who recorded them and how, in plain words', () => {
    expect(recordedMark({ how: 'paper' }, 'Sam Patel')).toBe('recorded by Sam Patel from paper')
    expect(recordedMark({ how: 'phone' }, 'Sam Patel')).toBe('recorded by Sam Patel from a phone call')
  })
})
