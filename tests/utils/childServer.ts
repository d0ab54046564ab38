import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { waitFor } from './waitFor.ts'

const MAIN = resolve(import.meta.dirname, '../../apps/server/src/main.ts')

/** A free TCP port on loopback, from the OS. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface ChildServer {
  process: ChildProcess
  port: number
  baseUrl: string
  wsUrl: string
  output(): string
  kill(signal?: NodeJS.Signals): Promise<number | null>
}

/** Runs the server as its own process, exactly as `node apps/server/src/main.ts`, for kill and restart tests. */
export async function startChildServer(env: Record<string, string>, port?: number): Promise<ChildServer> {
  const chosen = port ?? (await freePort())
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(chosen), HOST: '127.0.0.1', CO_ASSESS_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)))
  const baseUrl = `http://127.0.0.1:${chosen}`
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
      const response = await fetch(`${baseUrl}/api/health`)
      return response.ok
    },
    { timeout: 30_000, interval: 50 },
  )
  return {
    process: child,
    port: chosen,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${chosen}/sync`,
    output: () => output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}
