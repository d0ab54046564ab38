import { evidenceSchema } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import { draftOf, emptyEvidenceForm, evidenceProblems } from './evidenceDraft.ts'

describe('the evidence form', () => {
  it('asks for each missing answer in the order the fields appear', () => {
    expect(evidenceProblems(emptyEvidenceForm).map((p) => p.field)).toEqual([
      'kind',
      'title',
      'description',
      'shareable',
    ])
    expect(evidenceProblems({ ...emptyEvidenceForm, link: 'javascript:alert(1)' })[2]).toEqual({
      field: 'link',
      text: 'Enter a web address that starts with https://',
    })
  })

  it('lets through only what the board’s schema accepts', () => {
    const values = {
      ...emptyEvidenceForm,
      kind: 'testimony' as const,
      title: '  Stories from the carers’ forum ',
      description: 'Six carers on getting to appointments',
      shareable: 'no' as const,
    }
    expect(evidenceProblems(values)).toEqual([])
    const draft = draftOf(values, '1a')
    expect(draft).toMatchObject({
      title: 'Stories from the carers’ forum',
      link: '',
      date: null,
      shareable: false,
    })
    const record = {
      ...draft,
      id: 'ev-00001',
      addedBy: 'p-0001',
      status: 'current',
      acceptedFor: null,
      carriedFrom: null,
      createdAt: 1,
      updatedAt: 1,
    }
    expect(evidenceSchema.safeParse(record).success).toBe(true)
  })
})
