import type {
  beforeUnloadDocumentPayload,
  connectedPayload,
  Document,
  Extension,
  Hocuspocus,
} from '@hocuspocus/server'

export interface KeepWarm extends Extension {
  /** Unloads a document now, warm or not (deleting an assessment): Hocuspocus's own rules still apply. */
  unload(document: Document): Promise<void>
  /** Stops keeping documents warm and lets every warm one go (shutdown: the caller unloads them). */
  stop(): void
  /** Names of the documents held warm now, oldest first (tests, logs). */
  warmNames(): string[]
}

/**
 * Keeps a document in memory for a while after the last person leaves, so a room that comes back
 * (after a break, a dropped wifi, the next session of the day) re-opens it as fast as a live board
 * instead of loading it from the store (BENCHMARKS.md, cold open).
 *
 * Nothing about durability changes: every update is stored before it is acknowledged, and the store
 * Hocuspocus runs on the last leave (which compacts the log) still runs then; only the unload that
 * follows it waits. It uses Hocuspocus's public veto: a `beforeUnloadDocument` hook that throws keeps
 * the document loaded. With Redis a warm document stays subscribed to its channel (the Redis
 * extension unsubscribes only after an unload), so it keeps up with other instances' writes, and the
 * Redis extension also reads the shared store into it when someone connects.
 *
 * At most `max` documents are warm at once; keeping one more lets the oldest go, so memory stays
 * capped (a finished board, 8,400 ticks and 500 comments, holds about 6.5 MB of heap). `seconds` 0
 * turns it off.
 */
export function keepWarmExtension(options: {
  seconds: number
  max: number
  /** Which documents are worth keeping (boards: a private blind-round document is small and quick to load). */
  keeps: (documentName: string) => boolean
  hocuspocus: () => Hocuspocus
}): KeepWarm {
  const warm = new Map<string, { document: Document; timer: NodeJS.Timeout }>()
  /** Documents that must go (deleted): every unload of them goes ahead, however often it is tried. */
  const mustGo = new WeakSet<Document>()
  /** Documents whose time is up: the unload under way goes ahead. */
  const expiring = new WeakSet<Document>()
  let stopped = options.seconds <= 0 || options.max <= 0

  const forget = (name: string) => {
    const entry = warm.get(name)
    if (!entry) return
    clearTimeout(entry.timer)
    warm.delete(name)
  }

  /**
   * Hocuspocus unloads only a document nobody is on and with no store running; one refused for that
   * is unloaded by Hocuspocus itself once its store ends, and then comes back here.
   */
  const unloadNow = async (document: Document, mark: WeakSet<Document>) => {
    forget(document.name)
    const hocuspocus = options.hocuspocus()
    // A document of the same name loaded since is a different one: unloading this one by name would remove it.
    if (hocuspocus.documents.get(document.name) !== document) return
    mark.add(document)
    try {
      await hocuspocus.unloadDocument(document)
    } finally {
      if (mark === expiring) expiring.delete(document)
    }
  }
  const expire = (document: Document) => unloadNow(document, expiring)

  /** Lets go of documents someone has opened again (they are live, not warm), then the oldest over the cap. */
  const trim = () => {
    for (const [name, { document }] of warm) if (document.getConnectionsCount() > 0) forget(name)
    for (const { document } of warm.values()) {
      if (warm.size <= options.max) break
      void expire(document)
    }
  }

  return {
    extensionName: 'co-assess-keep-warm',
    // Before every other extension's unload hook: the Redis extension's waits a delay, then its
    // afterUnloadDocument unsubscribes; neither should run for a document that stays.
    priority: 1100,
    async connected({ documentName }: connectedPayload) {
      // Live again: its time starts afresh when the last person leaves.
      forget(documentName)
    },
    async beforeUnloadDocument({ document, documentName }: beforeUnloadDocumentPayload) {
      if (stopped || !options.keeps(documentName) || document.isDestroyed) return
      if (mustGo.has(document) || expiring.has(document)) return
      if (warm.get(documentName)?.document !== document) {
        forget(documentName)
        const timer = setTimeout(() => void expire(document), options.seconds * 1000)
        timer.unref()
        warm.set(documentName, { document, timer })
        trim()
        if (!warm.has(documentName)) return
      }
      // Hocuspocus logs a refusal's message; an empty one keeps the log quiet.
      throw new Error('')
    },
    unload: (document) => unloadNow(document, mustGo),
    stop() {
      stopped = true
      for (const name of [...warm.keys()]) forget(name)
    },
    warmNames: () => [...warm.keys()],
  }
}
