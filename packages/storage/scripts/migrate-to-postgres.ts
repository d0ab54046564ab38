// Copies an embedded store into PostgreSQL. Stop the server first; safe to run again.
//   node packages/storage/scripts/migrate-to-postgres.ts --from ./data --to postgres://user:pass@host:5432/db
import { parseArgs } from 'node:util'
import { formatMigrationReport } from '../src/formatMigrationReport.ts'
import { migrateEmbeddedToPostgres } from '../src/migrateEmbeddedToPostgres.ts'

const usage =
  'Usage: node packages/storage/scripts/migrate-to-postgres.ts --from <data dir> --to <postgres URL>\n' +
  '       (--to defaults to $DATABASE_URL)'

const { values } = parseArgs({
  options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
})
const from = values.from
const to = values.to ?? process.env.DATABASE_URL
if (values.help || !from || !to) {
  console.log(usage)
  process.exit(values.help ? 0 : 2)
}

// Recovering a damaged log while opening the source is worth seeing.
const logger = { warn: (obj: object, msg: string) => console.error(`warning: ${msg} ${JSON.stringify(obj)}`) }

try {
  console.log(formatMigrationReport(await migrateEmbeddedToPostgres({ from, to, logger })))
} catch (error) {
  console.error(`Migration stopped: ${(error as Error).message}`)
  process.exitCode = 1
}
