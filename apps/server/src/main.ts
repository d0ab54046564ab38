import { readConfig } from './config.ts'
import { createServer } from './createServer.ts'
import { ensureDemo } from './demo.ts'

// Starts one Co-assess server: HTTP API, live sync and the web app on one port.
let config: ReturnType<typeof readConfig>
try {
  config = readConfig()
} catch (error) {
  console.error((error as Error).message)
  process.exit(2)
}

let server: Awaited<ReturnType<typeof createServer>>
try {
  server = await createServer(config)
} catch (error) {
  console.error(`Co-assess could not start: ${(error as Error).message}`)
  process.exit(1)
}

const address = await server.listen()
const base = config.publicUrl ?? address.replace('127.0.0.1', 'localhost')
console.log(
  `Co-assess is running at ${base} (${server.storage.describe()}, ${config.redisUrl ? 'sync shared through Redis' : 'sync in this process'})`,
)
if (server.adminKeyToPrint) {
  console.log(`Admin key (shown once; keep it to create assessments): ${server.adminKeyToPrint}`)
}
if (server.setupLinkToPrint) {
  console.log(
    `Set-up link (shown once; opens a page that makes you the first administrator): ${base}${server.setupLinkToPrint}`,
  )
}
if (config.demo) {
  const framework = server.frameworks.get('cqc-hi-2025') ?? [...server.frameworks.values()][0]
  if (framework) {
    const demo = await ensureDemo({
      metadata: server.storage.metadata,
      hocuspocus: server.hocuspocus,
      flush: server.deps.flush,
      framework,
    })
    console.log(`\nDemo assessment ${demo.created ? 'created' : 'ready'}.`)
    console.log(`  Chair link (runs the session):  ${base}${demo.chairPath}`)
    console.log(`  Participant link (to share):    ${base}${demo.participantPath}\n`)
  }
}

let stopping = false
const stop = (why: string) => {
  if (stopping) return
  stopping = true
  console.log(`\n${why}: saving everything and stopping…`)
  server
    .close()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error('Stopped with an error while saving:', error)
      process.exit(1)
    })
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal))
// For a server started by another program (the tests): its stdin is a pipe from that program, which
// closes however the program ends, SIGKILL included, so the server never outlives whoever started it.
if (process.env.CO_ASSESS_EXIT_WITH_PARENT === '1') {
  process.stdin.on('close', () => stop('the program that started this server has gone'))
  process.stdin.on('end', () => stop('the program that started this server has gone'))
  process.stdin.resume()
}
