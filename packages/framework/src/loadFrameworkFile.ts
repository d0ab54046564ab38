import { readFile } from 'node:fs/promises'
import { FrameworkFileError } from './FrameworkFileError.ts'
import { parseFramework } from './parseFramework.ts'
import type { Framework } from './types.ts'

/** Reads and validates one framework file; every failure is a {@link FrameworkFileError} naming the file. */
export async function loadFrameworkFile(path: string): Promise<Framework> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new FrameworkFileError(path, [
      { path: '(the whole file)', message: `could not be read: ${reason}` },
    ])
  }
  return parseFramework(text, path)
}
