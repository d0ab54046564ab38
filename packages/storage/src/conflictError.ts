/** The record clashes with one already stored (same id, or same invite token hash). */
export class ConflictError extends Error {
  override name = 'ConflictError'
}
