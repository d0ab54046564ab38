import { areaOfPath } from './areaOfPath.ts'
import { describeIssue } from './describeIssue.ts'
import { FrameworkFileError } from './FrameworkFileError.ts'
import { formatPath } from './formatPath.ts'
import { frameworkSchema } from './schema.ts'
import type { Framework } from './types.ts'

/**
 * Validates a framework. `data` is the parsed JSON, or the file's text (a string is parsed as JSON
 * first, since no framework is a bare string). Throws a {@link FrameworkFileError} naming `fileName`,
 * the JSON path of each problem and what is wrong. The cross-field rules (one entry per level, unique
 * ids, item ids) run once every value has the right type, so a file with type errors reports those first.
 */
export function parseFramework(data: unknown, fileName: string): Framework {
  const value = typeof data === 'string' ? parseJson(data, fileName) : data
  // reportInput lets a message say what was found ("found a number (42)"), not just what was expected.
  const result = frameworkSchema.safeParse(value, { reportInput: true })
  if (result.success) return result.data
  throw new FrameworkFileError(
    fileName,
    result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      area: areaOfPath(value, issue.path),
      message: describeIssue(issue),
    })),
  )
}

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new FrameworkFileError(fileName, [
      { path: '(the whole file)', message: `not valid JSON: ${reason}` },
    ])
  }
}
