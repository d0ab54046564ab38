import { describe, expect, it } from 'vitest'
import { classifyClose, describeRefusal } from './classifyClose.ts'

describe('classifyClose', () => {
  it('recognises a refused write by code or by the guard’s reason', () => {
    expect(classifyClose({ code: 4403, reason: 'x' }, false)).toBe('refused')
    expect(
      classifyClose({ code: 1000, reason: 'Not saved: you can only change your own ticks.' }, true),
    ).toBe('refused')
  })
  it('tells a document-only close from a lost socket', () => {
    expect(classifyClose({ code: 1000, reason: 'Server closed the connection' }, true)).toBe('dropped')
    expect(classifyClose({ code: 1006, reason: '' }, false)).toBe('network')
  })
})

describe('describeRefusal', () => {
  it('says why in plain words', () => {
    expect(
      describeRefusal(
        'Not saved: this area is in a blind round: ticks stay private until the chair reveals them.',
      ),
    ).toBe(
      'Your last change was not saved because this area is in a blind round: ticks stay private until the chair reveals them. Co-assess has reloaded the board from the server, so what you see now is what everyone sees.',
    )
    expect(describeRefusal('Not saved')).toMatch(/^Your last change was not saved\. /)
  })
})
