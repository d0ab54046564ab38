/**
 * The store cannot be used at all: the database is unreachable or refused the login, the data
 * directory is held by another process, or the store was closed. The message says what to check.
 */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError'
}
