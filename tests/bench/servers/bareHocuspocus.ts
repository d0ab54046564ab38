import { Server } from '@hocuspocus/server'

// The bare reference: Hocuspocus as shipped, with no authentication, no checks and no storage, so the
// difference from ours is what our own work costs.
const port = Number(process.env.PORT ?? 0)
const server = new Server({
  port,
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
})
await server.listen()
console.log(`bare hocuspocus listening on ${server.address.port}`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.destroy().finally(() => process.exit(0))
  })
}
