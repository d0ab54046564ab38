import { RequestDeadlineError } from './requestDeadline.ts'

const FULL = new Set(['ENOSPC', 'EDQUOT'])
const FAILING = new Set(['EIO', 'EROFS'])

/** The error and the errors it wraps, outermost first (a bounded walk: causes can be cyclic). */
function chain(error: unknown): Error[] {
  const errors: Error[] = []
  for (let cause = error; cause instanceof Error && errors.length < 8; cause = cause.cause) errors.push(cause)
  return errors
}

/**
 * What to tell a person when a request failed because the server's storage did, or null when the
 * error is something else. Each answer says what happened to their request and what to do; the
 * operator learns the cause from the log line the error handler writes beside it.
 */
export function storageFailureMessage(error: unknown): string | null {
  if (error instanceof RequestDeadlineError)
    return 'The server took too long to answer, most likely because its storage is not responding, so this may not have been saved. Try again in a minute; if it keeps happening, tell whoever runs this server.'
  const errors = chain(error)
  // The store wraps the system error (a StorageUnavailableError around an ENOSPC): the disk's own
  // reason, wherever it sits in the chain, says more than the wrapper.
  const codes = errors.map((each) => (each as { code?: unknown }).code)
  if (codes.some((code) => FULL.has(code as string)))
    return "The server's disk is full, so this could not be saved. Nothing was changed: try again once whoever runs this server has made space."
  if (codes.some((code) => FAILING.has(code as string)))
    return "The server's disk is failing or read-only, so this could not be saved. Nothing was changed: try again in a few minutes, and tell whoever runs this server if it keeps happening."
  if (errors.some((each) => each.name === 'StorageUnavailableError'))
    return 'The server cannot reach its store just now, so this could not be saved. Try again in a few minutes; if it keeps happening, tell whoever runs this server.'
  return null
}
