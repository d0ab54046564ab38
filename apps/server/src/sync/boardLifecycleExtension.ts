import {
  activeSessionOf,
  anonymousRoundOf,
  areasTicked,
  blindDocumentName,
  countAnonymousRound,
  countWhoTicked,
  isBlind,
  mergeSettledTicks,
  observeLive,
  parseDocumentName,
  privateAreaTicks,
  readAnonymousTally,
  readBlindProgress,
  readLive,
  readPeople,
  recordAttendance,
  roundOf,
  sameAnonymousCounts,
  setAnonymousTally,
  setBlindProgress,
  settledPrivateAreas,
} from '@co-assess/board-model'
import type { DocumentStore } from '@co-assess/storage'
import type {
  afterLoadDocumentPayload,
  connectedPayload,
  Extension,
  Hocuspocus,
  onChangePayload,
} from '@hocuspocus/server'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import { isSyncContext } from './syncContext.ts'

/**
 * What the server does on its own as a session runs: records attendance as people connect (and
 * everyone present when a session starts), and moves blind-round ticks onto the board when the
 * chair reveals a round, and again whenever a private tick is found for an area no longer blind.
 * During an anonymous round it counts the area's private ticks by group, and writes only the counts
 * to the board, whenever a private document changes, the round starts or ends, or the board loads.
 * During a blind round it counts, the same way, how many people have ticked the area (a number alone,
 * `records/blindProgress.ts`), so the chair can see "4 of 7" without anyone's ticks leaving their document.
 */
export function boardLifecycleExtension(deps: {
  documents: DocumentStore
  log: Logger
  hocuspocus: () => Hocuspocus
  flush: (documentName: string) => Promise<void>
}): Extension & { settled(): Promise<void> } {
  const inFlight = new Set<Promise<unknown>>()
  const run = (work: Promise<unknown>) => {
    const tracked = work
      .catch((error: unknown) => deps.log.error({ err: error }, 'a board lifecycle task failed'))
      .finally(() => inFlight.delete(tracked))
    inFlight.add(tracked)
  }

  const connectedPeople = (doc: Y.Doc & { getConnections?: () => Array<{ context: unknown }> }) =>
    (doc.getConnections?.() ?? []).map((c) => (isSyncContext(c.context) ? c.context.claims.personId : null))

  /**
   * A document's state for deciding whether there is anything to move: the loaded copy if there is
   * one, else what is stored. Peeking rather than opening matters: opening the board through a direct
   * connection loads it, and every load of a board scans its private documents again.
   */
  const peek = async (name: string): Promise<{ doc: Y.Doc; release(): void }> => {
    const loaded = deps.hocuspocus().documents.get(name)
    if (loaded) return { doc: loaded, release: () => undefined }
    const doc = new Y.Doc()
    const stored = await deps.documents.loadDocument(name)
    if (stored) Y.applyUpdate(doc, stored)
    return { doc, release: () => doc.destroy() }
  }

  /** Every private blind-round document of an assessment, stored or only in memory so far. */
  const privateDocumentNames = async (assessmentId: string): Promise<Set<string>> => {
    const prefix = blindDocumentName(assessmentId, '')
    const names = new Set(await deps.documents.listDocuments(prefix))
    for (const name of deps.hocuspocus().documents.keys()) if (name.startsWith(prefix)) names.add(name)
    return names
  }

  /**
   * Moves private ticks onto the board for every area the board does not keep blind, through direct
   * connections so connected clients receive the change and it is stored. The reveal calls this, and
   * so do a board load and any accepted private update: a tick that reached the server after the
   * reveal, or a reveal whose merge a restart cut short, still ends up on the board.
   */
  const mergeSettled = async (assessmentId: string, privateNames: Iterable<string>) => {
    const hocuspocus = deps.hocuspocus()
    const due: Array<{ name: string; personId: string }> = []
    const board = await peek(assessmentId)
    try {
      for (const name of privateNames) {
        const target = parseDocumentName(name)
        if (target?.kind !== 'blind' || target.assessmentId !== assessmentId) continue
        const privateDoc = await peek(name)
        try {
          if (settledPrivateAreas(board.doc, privateDoc.doc, target.personId).size > 0)
            due.push({ name, personId: target.personId })
        } finally {
          privateDoc.release()
        }
      }
    } finally {
      board.release()
    }
    if (due.length === 0) return 0
    let moved = 0
    const boardConnection = await hocuspocus.openDirectConnection(assessmentId)
    try {
      for (const { name, personId } of due) {
        const privateConnection = await hocuspocus.openDirectConnection(name)
        try {
          await boardConnection.transact((boardDoc) => {
            // The private document changes in its own transaction; the direct connection marks it local.
            // The round is read again here, from the live board, so a round restarted since the peek stays blind.
            void privateConnection.transact((privateDoc) => {
              moved += mergeSettledTicks(boardDoc, privateDoc, personId)
            })
          })
        } finally {
          await privateConnection.disconnect()
        }
      }
    } finally {
      await boardConnection.disconnect()
    }
    await Promise.all([deps.flush(assessmentId), ...due.map(({ name }) => deps.flush(name))])
    return moved
  }

  /**
   * Merges for one assessment run one after another, so a reveal, a board load and a late private tick
   * never hold direct connections to the same documents at once.
   */
  const queues = new Map<string, Promise<unknown>>()
  const enqueue = (assessmentId: string, work: () => Promise<unknown>) => {
    const previous = queues.get(assessmentId) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(work)
    queues.set(assessmentId, next)
    run(
      next.finally(() => {
        if (queues.get(assessmentId) === next) queues.delete(assessmentId)
      }),
    )
  }

  /**
   * Counts an area's anonymous round from everyone's private documents and writes the counts to the
   * board if they changed. `final` is the count as the chair ends it; after that the counts stay.
   */
  const countAnonymous = (assessmentId: string, areaId: string, final = false) =>
    enqueue(assessmentId, async () => {
      const board = await peek(assessmentId)
      let counted: ReturnType<typeof countAnonymousRound>
      try {
        const round = anonymousRoundOf(board.doc, areaId)
        if (round?.mode !== 'anonymous' && !(final && round?.mode === 'anonymous-ended')) return
        const privateDocs: Array<{ personId: string; doc: Y.Doc; release(): void }> = []
        try {
          for (const name of await privateDocumentNames(assessmentId)) {
            const target = parseDocumentName(name)
            if (target?.kind !== 'blind' || target.assessmentId !== assessmentId) continue
            privateDocs.push({ personId: target.personId, ...(await peek(name)) })
          }
          counted = countAnonymousRound(
            areaId,
            privateAreaTicks(privateDocs, areaId),
            readPeople(board.doc),
            Date.now(),
          )
        } finally {
          for (const d of privateDocs) d.release()
        }
        if (sameAnonymousCounts(readAnonymousTally(board.doc, areaId), counted)) return
      } finally {
        board.release()
      }
      const connection = await deps.hocuspocus().openDirectConnection(assessmentId)
      try {
        await connection.transact((boardDoc) => setAnonymousTally(boardDoc, areaId, counted))
      } finally {
        await connection.disconnect()
      }
      await deps.flush(assessmentId)
    })

  /** Every private document of an assessment, peeked; the caller releases them. */
  const peekPrivateDocs = async (assessmentId: string) => {
    const privateDocs: Array<{ personId: string; doc: Y.Doc; release(): void }> = []
    for (const name of await privateDocumentNames(assessmentId)) {
      const target = parseDocumentName(name)
      if (target?.kind !== 'blind' || target.assessmentId !== assessmentId) continue
      privateDocs.push({ personId: target.personId, ...(await peek(name)) })
    }
    return privateDocs
  }

  const blindCountsWaiting = new Set<string>()
  /**
   * Counts how many people have ticked an area in its blind round, from their private documents, and
   * writes the number to the board if it changed. Only the number: who and what stay private.
   */
  const countBlind = (assessmentId: string, areaId: string) => {
    // A burst of private ticks needs one count, not one each: a count still waiting in the queue reads
    // the documents as they are when it runs, so it covers every tick made before then.
    const key = `${assessmentId}\u0000${areaId}`
    if (blindCountsWaiting.has(key)) return
    blindCountsWaiting.add(key)
    enqueue(assessmentId, async () => {
      blindCountsWaiting.delete(key)
      const board = await peek(assessmentId)
      let progress: { ticked: number; roundStartedAt: number; at: number }
      try {
        const round = roundOf(board.doc, areaId)
        if (!round || !isBlind(round)) return
        const privateDocs = await peekPrivateDocs(assessmentId)
        try {
          const ticked = countWhoTicked(privateAreaTicks(privateDocs, areaId), readPeople(board.doc))
          progress = { ticked, roundStartedAt: round.startedAt, at: Date.now() }
        } finally {
          for (const d of privateDocs) d.release()
        }
        if (readBlindProgress(board.doc, areaId, round)?.ticked === progress.ticked) return
      } finally {
        board.release()
      }
      const connection = await deps.hocuspocus().openDirectConnection(assessmentId)
      try {
        await connection.transact((boardDoc) => setBlindProgress(boardDoc, areaId, progress))
      } finally {
        await connection.disconnect()
      }
      await deps.flush(assessmentId)
    })
  }

  /** Areas in a running blind round on the board that this private document holds ticks for. */
  const blindAreasOf = (board: Y.Doc, privateDoc: Y.Doc) =>
    [...areasTicked(privateDoc)].filter((areaId) => isBlind(roundOf(board, areaId)))

  /** Areas in a running anonymous round on the board that this private document holds ticks for. */
  const anonymousAreasOf = (board: Y.Doc, privateDoc: Y.Doc) =>
    [...areasTicked(privateDoc)].filter((areaId) => anonymousRoundOf(board, areaId)?.mode === 'anonymous')

  const revealRound = (assessmentId: string, areaId: string) =>
    enqueue(assessmentId, async () => {
      const moved = await mergeSettled(assessmentId, await privateDocumentNames(assessmentId))
      deps.log.info({ assessmentId, areaId, moved }, 'revealed a blind round')
    })

  return {
    extensionName: 'co-assess-board-lifecycle',
    async connected({ context, documentName, connection }: connectedPayload) {
      if (!isSyncContext(context) || context.documentKind !== 'board') return
      const document = connection.document
      run(
        (async () => {
          document.transact(() => recordAttendance(document, context.claims.personId), { source: 'local' })
          await deps.flush(documentName)
        })(),
      )
    },
    async onChange({ document, documentName, transactionOrigin }: onChangePayload) {
      const origin = transactionOrigin as { source?: string } | undefined
      if (origin?.source !== 'connection') return
      const target = parseDocumentName(documentName)
      if (target?.kind !== 'blind') return
      // During a blind round this is the common case and costs one look at the loaded board.
      const board = deps.hocuspocus().documents.get(target.assessmentId)
      // The board is loaded whenever someone is in the room; a tick made with nobody there is counted
      // when the board next loads.
      if (board) {
        for (const areaId of anonymousAreasOf(board, document)) countAnonymous(target.assessmentId, areaId)
        for (const areaId of blindAreasOf(board, document)) countBlind(target.assessmentId, areaId)
      }
      if (board && settledPrivateAreas(board, document, target.personId).size === 0) return
      enqueue(target.assessmentId, async () => {
        const moved = await mergeSettled(target.assessmentId, [documentName])
        if (moved > 0) deps.log.info({ documentName, moved }, 'moved late blind-round ticks onto the board')
      })
    },
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      const target = parseDocumentName(documentName)
      if (target?.kind !== 'board') return
      const rounds = readLive(document).rounds
      const revealedBefore = [...rounds.values()].some((round) => round.mode === 'revealed')
      if (revealedBefore) {
        // The reveal's merge may have been cut short by a restart, or ticks may have arrived since.
        enqueue(target.assessmentId, async () => {
          const moved = await mergeSettled(
            target.assessmentId,
            await privateDocumentNames(target.assessmentId),
          )
          if (moved > 0)
            deps.log.info({ documentName, moved }, 'moved revealed blind-round ticks onto the board on load')
        })
      }
      for (const [areaId, round] of rounds) {
        if (round.mode === 'anonymous') countAnonymous(target.assessmentId, areaId)
        if (isBlind(round)) countBlind(target.assessmentId, areaId)
      }
      observeLive(document, (settings, transactionOrigin) => {
        const origin = transactionOrigin as { source?: string } | null
        if (origin?.source !== 'connection' && origin?.source !== 'redis') return
        for (const setting of settings) {
          if (setting.kind === 'activeSession' && activeSessionOf(document) !== null) {
            run(
              Promise.resolve().then(() => {
                document.transact(
                  () => {
                    for (const personId of connectedPeople(document))
                      if (personId) recordAttendance(document, personId)
                  },
                  { source: 'local' },
                )
              }),
            )
          }
          if (origin?.source === 'connection' && setting.kind === 'round') {
            const round = roundOf(document, setting.areaId)
            const areaId = setting.areaId
            if (round?.mode === 'revealed') revealRound(target.assessmentId, areaId)
            if (round?.mode === 'blind') countBlind(target.assessmentId, areaId)
            if (round?.mode === 'anonymous') countAnonymous(target.assessmentId, areaId)
            if (round?.mode === 'anonymous-ended') countAnonymous(target.assessmentId, areaId, true)
          }
        }
      })
    },
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight])
    },
  }
}
