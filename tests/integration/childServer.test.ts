import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { tcpOpen } from '../utils/scaleOutKit.ts'
import { waitFor } from '../utils/waitFor.ts'

// A server a test starts must not outlive the test, however the test ends: here a stand-in for a test
// process starts a server with tests/utils/childServer.ts and then dies, by SIGKILL or by exiting.

const CHILD_SERVER = resolve(import.meta.dirname, '../utils/childServer.ts')
const dirs: string[] = []
const runners: ChildProcess[] = []
const servers: number[] = []

afterEach(() => {
  for (const runner of runners.splice(0)) runner.kill('SIGKILL')
  // Should the server outlive its runner after all (the fault under test), it is still stopped here.
  for (const pid of servers.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL')
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Starts a "test process" that starts a server, prints its pid and port, then waits to be ended. */
async function runnerWithServer(): Promise<{ runner: ChildProcess; pid: number; port: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'co-assess-child-'))
  dirs.push(dir)
  const script = join(dir, 'runner.ts')
  writeFileSync(
    script,
    `import { startChildServer } from ${JSON.stringify(CHILD_SERVER)}
const server = await startChildServer({ CO_ASSESS_DATA_DIR: ${JSON.stringify(join(dir, 'data'))}, CO_ASSESS_ADMIN_KEY: 'child-server-test-admin-key-0123' })
console.log(JSON.stringify({ pid: server.process.pid, port: server.port }))
process.stdin.on('data', () => process.exit(0))
`,
  )
  const runner = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] })
  runners.push(runner)
  const started = await firstLine(runner)
  servers.push(started.pid)
  return { runner, ...started }
}

function firstLine(runner: ChildProcess): Promise<{ pid: number; port: number }> {
  return new Promise((done, fail) => {
    const lines = createInterface({ input: runner.stdout! })
    lines.once('line', (line) => done(JSON.parse(line) as { pid: number; port: number }))
    runner.once('exit', (code) => fail(new Error(`the runner exited (${code}) before starting its server`)))
  })
}

describe('servers started by tests', () => {
  for (const ending of ['SIGKILL', 'exit'] as const) {
    it(`stop when the test process that started them ends by ${ending}`, async () => {
      const { runner, pid, port } = await runnerWithServer()
      expect(alive(pid) && (await tcpOpen(port))).toBe(true)
      if (ending === 'SIGKILL') runner.kill('SIGKILL')
      else runner.stdin!.write('exit\n')
      await waitFor(() => !alive(pid), { timeout: 30_000, interval: 50 })
      expect(await tcpOpen(port)).toBe(false)
    })
  }
})
