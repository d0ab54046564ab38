import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { serverOrigin } from '../origins.ts'
import { agreedMap } from '../roots.ts'
import { recordAgreedLevel } from '../write/levels.ts'
import { type AgreedLevelChange, observeAgreedLevels } from './observeAgreedLevels.ts'

describe('observeAgreedLevels', () => {
  it('gives the areas whose level changed, as they are now, with the origin', () => {
    const doc = new Y.Doc()
    const heard: Array<[AgreedLevelChange[], unknown]> = []
    const stop = observeAgreedLevels(doc, (changes, origin) => heard.push([changes, origin]))
    const level = { level: 'developing', rationale: '', dissent: '', sessionId: null }
    recordAgreedLevel(doc, 'chair1', '1a', level, 7)
    const origin = serverOrigin('test')
    doc.transact(() => agreedMap(doc).delete('1a'), origin)
    expect(heard).toEqual([
      [[{ areaId: '1a', agreed: { ...level, recordedBy: 'chair1', at: 7 } }], expect.anything()],
      [[{ areaId: '1a', agreed: undefined }], origin],
    ])
    stop()
    recordAgreedLevel(doc, 'chair1', '1b', level)
    expect(heard).toHaveLength(2)
  })
})
