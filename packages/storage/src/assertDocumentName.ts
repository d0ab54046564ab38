import { InvalidDocumentNameError } from './invalidDocumentNameError.ts'

const DOCUMENT_NAME = /^[A-Za-z0-9_.-]{1,128}$/

/**
 * The server validates names first; this is the last line before a name becomes a file path, so it
 * refuses anything that could step outside the docs directory.
 */
export function assertDocumentName(name: string): void {
  if (!DOCUMENT_NAME.test(name) || name.includes('..')) {
    throw new InvalidDocumentNameError(
      `Refusing document name ${JSON.stringify(name.slice(0, 140))}: use 1 to 128 letters, digits, '_', '-' or '.', and no '..'.`,
    )
  }
}
