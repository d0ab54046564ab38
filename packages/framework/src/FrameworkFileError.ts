/** One thing wrong in a framework file: where (a JSON path such as `phases[0].areas[2].title`) and what. */
export interface FrameworkProblem {
  path: string
  /** The id of the area the path runs through, when there is one, so people need not count array entries. */
  area?: string | undefined
  message: string
}

// Only the first few problems go into the message: one broken area can produce dozens, and the
// person fixing the file needs the first ones, not a wall of text. All of them stay on `problems`.
const PROBLEMS_IN_MESSAGE = 10

/** A framework file that cannot be used, with a message that names the file, the place and the problem. */
export class FrameworkFileError extends Error {
  override readonly name = 'FrameworkFileError'
  readonly file: string
  readonly problems: readonly FrameworkProblem[]

  constructor(file: string, problems: readonly FrameworkProblem[]) {
    super(describe(file, problems))
    this.file = file
    this.problems = problems
  }
}

function describe(file: string, problems: readonly FrameworkProblem[]): string {
  const shown = problems
    .slice(0, PROBLEMS_IN_MESSAGE)
    .map((p) => `  - ${p.path}${p.area === undefined ? '' : ` (area ${p.area})`}: ${p.message}`)
  const more = problems.length - shown.length
  if (more > 0) shown.push(`  … and ${more} more`)
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`
  return `Framework file "${file}" has ${count}:\n${shown.join('\n')}`
}
