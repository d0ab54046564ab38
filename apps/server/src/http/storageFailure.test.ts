import { StorageUnavailableError } from '@co-assess/storage'
import { describe, expect, it } from 'vitest'
import { RequestDeadlineError } from './requestDeadline.ts'
import { storageFailureMessage } from './storageFailure.ts'

const fsError = (code: string) => Object.assign(new Error(`${code}: injected, write`), { code })

describe('storageFailureMessage', () => {
  it('names a full or failing disk, even wrapped by the store, before a store that is merely unavailable', () => {
    expect(storageFailureMessage(fsError('ENOSPC'))).toMatch(/disk is full/)
    expect(storageFailureMessage(fsError('EDQUOT'))).toMatch(/disk is full/)
    expect(storageFailureMessage(fsError('EIO'))).toMatch(/failing or read-only/)
    expect(storageFailureMessage(fsError('EROFS'))).toMatch(/failing or read-only/)
    const wrapped = new StorageUnavailableError('Could not save an update to x.log', {
      cause: fsError('ENOSPC'),
    })
    expect(storageFailureMessage(wrapped)).toMatch(/disk is full/)
    expect(storageFailureMessage(new StorageUnavailableError('The document store is closed.'))).toMatch(
      /cannot reach its store/,
    )
    expect(storageFailureMessage(new RequestDeadlineError('No answer within 15000 ms.'))).toMatch(
      /took too long/,
    )
  })

  it('leaves every other error to the generic answer, a cyclic cause included', () => {
    expect(storageFailureMessage(new TypeError('x is undefined'))).toBeNull()
    expect(storageFailureMessage(fsError('ENOENT'))).toBeNull()
    const cyclic = new Error('a') as Error & { cause?: unknown }
    cyclic.cause = cyclic
    expect(storageFailureMessage(cyclic)).toBeNull()
    expect(storageFailureMessage('a string')).toBeNull()
  })
})
