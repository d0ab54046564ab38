/** The record asked for does not exist (unknown id, or a reference to one). */
export class NotFoundError extends Error {
  override name = 'NotFoundError'
}
