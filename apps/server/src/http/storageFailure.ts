import { RequestDeadlineError } from './requestDeadline.ts'

/**
 * What to tell a person when a request failed because the server's storage did, or null when the
 * error is something else. Each answer says what happened to their request and what to do; the
 * operator learns the cause from the log line the error handler writes beside it.
 */
export function storageFailureMessage(error: unknown): string | null {
  if (error instanceof RequestDeadlineError)
    return 'The server took too long to answer, most likely because its storage is not responding, so this may not have been saved. Try again in a minute; if it keeps happening, tell whoever runs this server.'
  // The storage layer may wrap the system error; its code is somewhere along the causes.
  for (let cause = error, depth = 0; cause instanceof Error && depth < 8; cause = cause.cause, depth++) {
    const code = (cause as { code?: unknown }).code
    if (code === 'ENOSPC' || code === 'EDQUOT')
      return "The server's disk is full, so this could not be saved. Nothing was changed: try again once whoever runs this server has made space."
    if (code === 'EIO' || code === 'EROFS')
      return "The server's disk is failing or read-only, so this could not be saved. Nothing was changed: try again in a few minutes, and tell whoever runs this server if it keeps happening."
    if (cause.name === 'StorageUnavailableError')
      return 'The server cannot reach its store just now, so this could not be saved. Try again in a few minutes; if it keeps happening, tell whoever runs this server.'
  }
  return null
}
