import type { Pinning } from './pinning.ts'
import { type BenchServer, type ServerKind, startBenchServer } from './serverProcess.ts'

/** Where a load runs: the server that takes HTTP set-up calls, and where writers and readers connect. */
export interface LoadTarget {
  kind: ServerKind
  label: string
  api: BenchServer
  writerUrl: string
  readerUrl: string
  /** When set, each board's readers take these in turn (readers split between instances). */
  readerUrls?: string[]
  /** Every server process under test, for CPU, memory and event-loop figures. */
  instances: BenchServer[]
  dispose(): Promise<void>
}

export async function singleServer(
  kind: ServerKind,
  pinning: Pinning,
  options: { dataRoot?: string; label?: string } = {},
): Promise<LoadTarget> {
  const server = await startBenchServer(kind, { prefix: pinning.server, dataRoot: options.dataRoot })
  return {
    kind,
    label: options.label ?? kind,
    api: server,
    writerUrl: server.wsUrl,
    readerUrl: server.wsUrl,
    instances: [server],
    dispose: () => server.dispose(),
  }
}
