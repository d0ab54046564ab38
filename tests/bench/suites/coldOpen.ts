import { addComment, editComment, noteFragment, setTick } from '@co-assess/board-model'
import { commentsMap, ticksMap } from '@co-assess/board-model/roots'
import * as Y from 'yjs'
import { frameworkItems } from '../../utils/frameworkItems.ts'
import { type BenchProvider, openProvider, type Transport } from '../clients/transports.ts'
import { nowMs, sleep } from '../clock.ts'
import type { Pinning } from '../pinning.ts'
import { type Board, provisionBoards } from '../provision.ts'
import { type BenchServer, type ServerKind, startBenchServer } from '../serverProcess.ts'
import { type Percentiles, percentiles } from '../stats.ts'

export interface ColdOpenSpec {
  people: number
  comments: number
  edits: number
  runs: number
}

export interface ColdOpenResult {
  kind: ServerKind
  items: number
  ticks: number
  comments: number
  edits: number
  /** Bytes of the whole document as one update: what a joining client downloads. */
  documentBytes: number
  /** Another person already on the board: the server has it in memory. */
  openWhileLive: Percentiles
  /**
   * Everyone has left and comes back within the keep-warm time (CO_ASSESS_KEEP_WARM_SECONDS, its
   * default): the server still holds the board in memory (ours only).
   */
  openAfterLeave: Percentiles | null
  /** Nobody on the board and nothing kept warm: the server loads it from its store first (ours only). */
  openFromStore: Percentiles | null
  buildSeconds: number
}

interface Writer {
  personId: string
  doc: Y.Doc
  provider: BenchProvider
}

function transportOf(kind: ServerKind): Transport {
  return kind === 'y-websocket' ? 'y-websocket' : 'hocuspocus'
}

async function connect(server: BenchServer, board: string, token: string, timeoutMs = 30_000) {
  const doc = new Y.Doc()
  const started = nowMs()
  const provider = openProvider(transportOf(server.kind), { url: server.wsUrl, board, token, doc })
  const synced = await Promise.race([
    new Promise<boolean>((resolve) => provider.onSynced(() => resolve(true))),
    sleep(timeoutMs).then(() => false),
  ])
  if (!synced) {
    provider.destroy()
    throw new Error(`a client did not sync with ${server.kind} within ${timeoutMs} ms\n${server.output()}`)
  }
  return { doc, provider, ms: nowMs() - started }
}

/** Waits until `reader` holds every change each writer made (their own clocks), or throws. */
async function waitForAll(reader: Y.Doc, writers: Writer[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  const behind = () =>
    writers.some((w) => Y.getState(reader.store, w.doc.clientID) < Y.getState(w.doc.store, w.doc.clientID))
  while (behind()) {
    if (Date.now() > deadline) throw new Error('the board did not reach every client in time')
    await sleep(20)
  }
}

const paragraph = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})
const sentence = (n: number) =>
  `Evidence ${n}: the VCSE alliance reported back on the listening events held in three neighbourhoods.`

/**
 * A board as it looks at the end of a long assessment: every item ticked by every person, comment
 * threads, and a history of changes (unticks and reticks, comment edits, evidence notes typed in).
 * Built through real providers so ours checks and stores every write as it would in a workshop.
 */
async function buildBoard(server: BenchServer, board: Board, spec: ColdOpenSpec) {
  const { areas, items } = frameworkItems()
  const writers: Writer[] = []
  for (const person of board.people.slice(0, spec.people)) {
    const { doc, provider } = await connect(server, board.board, person.token)
    writers.push({ personId: person.personId, doc, provider })
  }
  // Keep the server's queue short: after each batch, wait for the server's acknowledgements (Hocuspocus)
  // or let the socket drain (y-websocket has none).
  const settle = async () => {
    const deadline = Date.now() + 60_000
    while (!writers.every((w) => w.provider.allAcknowledged) && Date.now() < deadline) await sleep(10)
    await sleep(5)
  }
  const BATCH = 20
  for (let start = 0; start < items.length; start += BATCH) {
    for (const writer of writers) {
      for (const item of items.slice(start, start + BATCH)) setTick(writer.doc, writer.personId, item, true)
    }
    await settle()
  }
  const commentIds: Array<{ writer: Writer; id: string }> = []
  for (let c = 0; c < spec.comments; c++) {
    const writer = writers[c % writers.length]!
    const item = items[(c * 7) % items.length]!
    const text = `Comment ${c}: we heard this from the community panel and it needs checking with the PCN leads before we agree it.`
    const id = addComment(writer.doc, writer.personId, {
      anchor: { areaId: item.split('.')[0]!, itemId: c % 3 === 0 ? null : item },
      body: paragraph(text),
      text,
      mentions: [],
      layer: 'host',
    })
    commentIds.push({ writer, id })
    if (c % BATCH === BATCH - 1) await settle()
  }
  await settle()
  // The history: half unticks and reticks, a quarter comment edits, a quarter evidence notes typed in.
  for (let e = 0; e < spec.edits; e++) {
    const kind = e % 4
    if (kind === 0 || kind === 1) {
      const writer = writers[e % writers.length]!
      const item = items[(e * 13) % items.length]!
      setTick(writer.doc, writer.personId, item, kind === 1)
    } else if (kind === 2) {
      const { writer, id } = commentIds[e % commentIds.length]!
      const text = `Edited ${e}: agreed with the ICB lead; evidence is in the March board paper.`
      editComment(writer.doc, writer.personId, id, paragraph(text), text, [])
    } else {
      const writer = writers[e % writers.length]!
      const note = noteFragment(writer.doc, areas[e % areas.length]!)
      writer.doc.transact(() => {
        const para = new Y.XmlElement('paragraph')
        para.insert(0, [new Y.XmlText(sentence(e))])
        note.insert(note.length, [para])
      })
    }
    if (e % BATCH === BATCH - 1) await settle()
  }
  await settle()
  return { writers, items: items.length }
}

export interface ColdOpenOptions {
  env?: Record<string, string>
  /** Runs once the board is built and checked, with the server still up (the browser measurement). */
  afterBuild?: (server: BenchServer, board: Board) => Promise<void>
}

export async function runColdOpen(
  kind: ServerKind,
  spec: ColdOpenSpec,
  pinning: Pinning,
  options: ColdOpenOptions = {},
): Promise<ColdOpenResult> {
  // The first server owns the data directory; a second one, started on it later, only borrows it.
  const first = await startBenchServer(kind, { prefix: pinning.server, env: options.env })
  let server = first
  try {
    const [board] = await provisionBoards(server, 1, Math.max(spec.people, 2))
    const buildStart = nowMs()
    const { writers, items } = await buildBoard(server, board!, spec)
    const buildSeconds = (nowMs() - buildStart) / 1000
    // A holder stays on the board (the references would otherwise forget it), and checks it has everything.
    const reader = board!.people[board!.people.length - 1]!
    const holder = await connect(server, board!.board, reader.token)
    await waitForAll(holder.doc, writers, 60_000)
    const ticks = ticksMap(holder.doc).size
    const comments = commentsMap(holder.doc).size
    const documentBytes = Y.encodeStateAsUpdate(holder.doc).byteLength
    for (const writer of writers) writer.provider.destroy()
    if (options.afterBuild) await options.afterBuild(server, board!)

    const timeOpens = async (on: BenchServer) => {
      const samples: number[] = []
      for (let run = 0; run < spec.runs; run++) {
        const opened = await connect(on, board!.board, reader.token)
        samples.push(opened.ms)
        if (ticksMap(opened.doc).size !== ticks) throw new Error('a cold open synced an incomplete board')
        opened.provider.destroy()
        opened.doc.destroy()
        await sleep(50)
      }
      return percentiles(samples)
    }
    await timeOpens(server) // warm-up: the first opens compile the code paths
    const openWhileLive = await timeOpens(server)
    holder.provider.destroy()
    let openAfterLeave: Percentiles | null = null
    let openFromStore: Percentiles | null = null
    if (kind === 'ours' && first.dataDir) {
      // Each open finds the board with nobody on it: stored, its log folded in, and kept in memory.
      await sleep(500)
      openAfterLeave = await timeOpens(server)
      // The same store on a server that keeps nothing warm: each open loads the board from disk.
      await server.stop()
      server = await startBenchServer(kind, {
        prefix: pinning.server,
        dataDir: first.dataDir,
        env: { ...options.env, CO_ASSESS_KEEP_WARM_SECONDS: '0' },
      })
      await timeOpens(server) // warm-up, as above
      await sleep(500)
      openFromStore = await timeOpens(server)
    }
    return {
      kind,
      items,
      ticks,
      comments,
      edits: spec.edits,
      documentBytes,
      openWhileLive,
      openAfterLeave,
      openFromStore,
      buildSeconds,
    }
  } finally {
    if (server !== first) await server.dispose()
    await first.dispose()
  }
}
