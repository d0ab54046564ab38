import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { waitFor } from './waitFor.ts'

const MAIN = resolve(import.meta.dirname, '../../apps/server/src/main.ts')

/** How long a server has to stop after SIGTERM before it is killed outright. */
const STOP_GRACE_MS = 15_000

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
  /** Sends `signal` and resolves with the exit code; a server not gone after 15 s is SIGKILLed. */
  kill(signal?: NodeJS.Signals): Promise<number | null>
}

// A test must stop what it starts whether it passes or fails. Three nets, each for a way the last
// one missed: every server is known here and SIGKILLed when the test process exits; a server whose
// start fails is killed before the error is thrown; and a server started with a pipe for stdin and
// CO_ASSESS_EXIT_WITH_PARENT stops itself when that pipe closes, which happens however the test
// process ends, SIGKILL included (a restart test that timed out left its server listening for an hour).
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Stops every server this process started that is still running (for afterAll / afterEach). */
export async function stopAllChildServers(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child, signal)))
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolveExit) => {
    const escalate = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
    child.once('exit', (code) => {
      clearTimeout(escalate)
      resolveExit(code)
    })
    child.kill(signal)
  })
}

/** Runs the server as its own process, exactly as `node apps/server/src/main.ts`, for kill and restart tests. */
export async function startChildServer(env: Record<string, string>, port?: number): Promise<ChildServer> {
  const chosen = port ?? (await freePort())
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(chosen),
      HOST: '127.0.0.1',
      CO_ASSESS_LOG_LEVEL: 'warn',
      CO_ASSESS_EXIT_WITH_PARENT: '1',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const baseUrl = `http://127.0.0.1:${chosen}`
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
        const response = await fetch(`${baseUrl}/api/health`)
        return response.ok
      },
      { timeout: 30_000, interval: 50 },
    )
  } catch (error) {
    await stopChild(child, 'SIGKILL')
    throw error
  }
  return {
    process: child,
    port: chosen,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${chosen}/sync`,
    output: () => output,
    kill: (signal = 'SIGTERM') => stopChild(child, signal),
  }
}
