// Writes docs/openapi.json: the API's OpenAPI description, generated from packages/api-contract
// through the real server's routes (a running server serves the same at /api/openapi.json).
//   npx -y pnpm@10.34.8 --filter @co-assess/server run openapi
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { readConfig } from '../src/config.ts'
import { createServer } from '../src/createServer.ts'

const dataDir = await mkdtemp(join(tmpdir(), 'co-assess-openapi-'))
const server = await createServer(
  readConfig([], { CO_ASSESS_DATA_DIR: dataDir, CO_ASSESS_ADMIN_KEY: 'openapi-only-not-a-real-key' }),
  pino({ level: 'silent' }),
)
try {
  await server.app.ready()
  const target = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url))
  await writeFile(target, `${JSON.stringify(server.app.swagger(), null, 2)}\n`)
  console.log(`Wrote ${target}`)
} finally {
  await server.close()
  await rm(dataDir, { recursive: true, force: true })
}
