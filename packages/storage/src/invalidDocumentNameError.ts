/** A document name that could escape the data directory or is not one the server would make. */
export class InvalidDocumentNameError extends Error {
  override name = 'InvalidDocumentNameError'
}
