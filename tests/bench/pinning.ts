import { execFileSync } from 'node:child_process'
import { availableParallelism } from 'node:os'

export interface Pinning {
  /** Prefix for the server under test: its own core. */
  server: string[]
  /** Prefix for client processes: the other core, shared with this orchestrator. */
  clients: string[]
  describe: string
}

/**
 * Server and clients on separate cores where the machine allows (taskset and at least two cores), so a
 * busy client never steals the server's CPU and the server's figures are its own.
 */
export function detectPinning(): Pinning {
  const cores = availableParallelism()
  let taskset = false
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' })
    taskset = true
  } catch {}
  if (!taskset || cores < 2) {
    return {
      server: [],
      clients: [],
      describe: `not pinned (${taskset ? `${cores} core` : 'no taskset'}): server and clients share the CPU`,
    }
  }
  const clientCores = cores === 2 ? '1' : `1-${cores - 1}`
  try {
    // The orchestrator keeps off the server's core too.
    execFileSync('taskset', ['-pc', clientCores, String(process.pid)], { stdio: 'ignore' })
  } catch {}
  return {
    server: ['taskset', '-c', '0'],
    clients: ['taskset', '-c', clientCores],
    describe: `server on core 0, clients and orchestrator on core${cores === 2 ? '' : 's'} ${clientCores} (taskset)`,
  }
}
