// Checks every stored board and reports which are damaged and what they are missing.
//   node packages/storage/scripts/check-store.ts [--data-dir ./data] [--database-url postgres://...]
// Exit code 0: every board is whole; 1: some board is damaged; 2: the store could not be checked.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { checkDocumentStore, checkEmbeddedDocuments, formatStoreCheck, isDamaged } from '../src/checkStore.ts'
import { openPostgresStorage } from '../src/postgres/openPostgresStorage.ts'

const usage =
  'Usage: node packages/storage/scripts/check-store.ts [--data-dir <dir>] [--database-url <postgres URL>]\n' +
  '       (--database-url defaults to $DATABASE_URL; without one, the embedded store at --data-dir,\n' +
  '        $CO_ASSESS_DATA_DIR or ./data is read, safely beside a running server)'

// `pnpm run check-store -- --data-dir x` passes the `--` on.
const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'))
const { values } = parseArgs({
  args,
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
})
if (values.help) {
  console.log(usage)
  process.exit(0)
}

const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL
try {
  let report: { text: string; damaged: boolean }
  if (databaseUrl) {
    const storage = await openPostgresStorage({ connectionString: databaseUrl })
    try {
      const checks = await checkDocumentStore(storage.documents)
      report = { text: formatStoreCheck(checks, storage.describe()), damaged: checks.some(isDamaged) }
    } finally {
      await storage.close()
    }
  } else {
    const dataDir = resolve(values['data-dir'] ?? process.env.CO_ASSESS_DATA_DIR ?? 'data')
    const docsDir = join(dataDir, 'docs')
    if (!existsSync(docsDir)) {
      console.error(`There is no embedded store at ${dataDir} (no docs/ folder). ${usage}`)
      process.exit(2)
    }
    const checks = await checkEmbeddedDocuments(docsDir)
    report = {
      text: formatStoreCheck(checks, `embedded store at ${dataDir}`),
      damaged: checks.some(isDamaged),
    }
  }
  console.log(report.text)
  process.exitCode = report.damaged ? 1 : 0
} catch (error) {
  console.error(`The store could not be checked: ${(error as Error).message}`)
  process.exitCode = 2
}
