import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { areaIdBrand } from '../ids.ts'
import { liveMap } from '../roots.ts'
import { setFocus, startBlindRound, startSession } from '../write/session.ts'
import { decodeLiveKey, encodeLiveKey, type LiveKey, readLiveSetting } from './live.ts'

const AREA = areaIdBrand.parse('1a')

describe('a live setting', () => {
  it('is kept under the key decodeLiveKey reads back', () => {
    const settings: LiveKey[] = [
      { kind: 'focus' },
      { kind: 'activeSession' },
      ...(['round', 'timer', 'tally', 'progress'] as const).map(
        (kind) => ({ kind, areaId: AREA }) as LiveKey,
      ),
    ]
    for (const setting of settings) expect(decodeLiveKey(encodeLiveKey(setting))).toEqual(setting)
  })

  it('reads as its checked value, and as undefined when unset or not valid', () => {
    const doc = new Y.Doc()
    expect(readLiveSetting(doc, { kind: 'focus' })).toBeUndefined()
    setFocus(doc, 'chair1', '1a', 5)
    startBlindRound(doc, 'chair1', '1a', 6)
    const sessionId = startSession(doc, 'chair1', 7)
    expect(readLiveSetting(doc, { kind: 'focus' })).toEqual({ areaId: '1a', by: 'chair1', at: 5 })
    expect(readLiveSetting(doc, { kind: 'round', areaId: AREA })?.mode).toBe('blind')
    expect(readLiveSetting(doc, { kind: 'activeSession' })).toBe(sessionId)
    liveMap(doc).set(encodeLiveKey({ kind: 'timer', areaId: AREA }), 'not a timer')
    expect(readLiveSetting(doc, { kind: 'timer', areaId: AREA })).toBeUndefined()
  })
})
