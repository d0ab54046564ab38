// Prints the suite's closing line ("N passed, N failed, N skipped") from the Vitest and Playwright
// JSON reports, so CI and a person read one figure for the whole run.
import { existsSync, readFileSync } from 'node:fs'

interface Counts {
  passed: number
  failed: number
  skipped: number
}

function vitestCounts(path: string): Counts {
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    numPassedTests: number
    numFailedTests: number
    numPendingTests: number
    numTodoTests: number
  }
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  }
}

function playwrightCounts(path: string): Counts {
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    stats: { expected: number; unexpected: number; skipped: number; flaky: number }
  }
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  }
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 }
const reports: Array<[string, (path: string) => Counts]> = [
  ['test-results/vitest.json', vitestCounts],
  ['test-results/playwright.json', playwrightCounts],
]
let missing = 0
for (const [path, read] of reports) {
  if (!existsSync(path)) {
    console.error(`No report at ${path}: that runner did not finish.`)
    missing++
    continue
  }
  const counts = read(path)
  total.passed += counts.passed
  total.failed += counts.failed
  total.skipped += counts.skipped
}
// Steps that are not test runners (lint, types, build) that failed, counted by scripts/test.sh.
const failedChecks = Number(process.env.CO_ASSESS_FAILED_CHECKS ?? 0)
const failed = total.failed + missing + failedChecks
console.log(`${total.passed} passed, ${failed} failed, ${total.skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
