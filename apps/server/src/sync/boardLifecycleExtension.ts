import {
  activeSessionOf,
  isBlind,
  observeLive,
  parseDocumentName,
  readLive,
  roundOf,
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
import type * as Y from 'yjs'
import { anonymousAreasOf, anonymousCounts } from './lifecycle/anonymousCounts.ts'
import {
  attendEveryoneConnected,
  attendOnConnect,
  endStoppedSessionsOf,
  watchAttendance,
} from './lifecycle/attendance.ts'
import { blindAreasOf, blindProgressCounts } from './lifecycle/blindProgressCounts.ts'
import { boardWrite } from './lifecycle/boardWrite.ts'
import { privateDocuments } from './lifecycle/privateDocuments.ts'
import { settleBlindTicks } from './lifecycle/settleBlindTicks.ts'
import { taskQueue } from './lifecycle/taskQueue.ts'
import { isSyncContext } from './syncContext.ts'
import { transactionSource } from './transactionSource.ts'

/** The live settings one transaction changed, as `observeLive` reports them. */
type LiveSettings = Parameters<Parameters<typeof observeLive>[1]>[0]

/**
 * What the server does on its own as a session runs: records attendance as people connect (and
 * everyone present when a session starts), and moves blind-round ticks onto the board when the
 * chair reveals a round, and again whenever a private tick is found for an area no longer blind.
 * During an anonymous round it counts the area's private ticks by group, and writes only the counts
 * to the board, whenever a private document changes, the round starts or ends, or the board loads.
 * During a blind round it counts, the same way, how many people have ticked the area (a number alone,
 * `records/blindProgress.ts`), so the chair can see "4 of 7" without anyone's ticks leaving their document.
 *
 * The hooks here only decide what is due; the work is in `lifecycle/`, queued per assessment.
 */
export function boardLifecycleExtension(deps: {
  documents: DocumentStore
  log: Logger
  hocuspocus: () => Hocuspocus
  flush: (documentName: string) => Promise<void>
}): Extension & { settled(): Promise<void> } {
  const queue = taskQueue(deps.log)
  const privateDocs = privateDocuments(deps)
  const write = boardWrite(deps)
  const settle = settleBlindTicks({ ...deps, privateDocs })
  const countAnonymous = anonymousCounts({ queue, privateDocs, write })
  const countBlind = blindProgressCounts({ queue, privateDocs, write })

  const revealRound = (assessmentId: string, areaId: string) =>
    queue.enqueue(assessmentId, async () => {
      const moved = await settle.settleAll(assessmentId)
      deps.log.info({ assessmentId, areaId, moved }, 'revealed a blind round')
    })

  /** A private document changed: its areas are counted again, and any tick no longer blind moved. */
  const privateChanged = (document: Y.Doc, documentName: string, assessmentId: string, personId: string) => {
    // During a blind round this is the common case and costs one look at the loaded board.
    const board = deps.hocuspocus().documents.get(assessmentId)
    // The board is loaded whenever someone is in the room; a tick made with nobody there is counted
    // when the board next loads.
    if (board) {
      for (const areaId of anonymousAreasOf(board, document)) countAnonymous(assessmentId, areaId)
      for (const areaId of blindAreasOf(board, document)) countBlind(assessmentId, areaId)
    }
    if (board && settledPrivateAreas(board, document, personId).size === 0) return
    queue.enqueue(assessmentId, async () => {
      const moved = await settle.settle(assessmentId, [documentName])
      if (moved > 0) deps.log.info({ documentName, moved }, 'moved late blind-round ticks onto the board')
    })
  }

  /** A board loaded: whatever a restart or an empty room left undone is done now. */
  const boardLoaded = (document: Y.Doc, documentName: string, assessmentId: string) => {
    const rounds = readLive(document).rounds
    if ([...rounds.values()].some((round) => round.mode === 'revealed')) {
      // The reveal's merge may have been cut short by a restart, or ticks may have arrived since.
      queue.enqueue(assessmentId, async () => {
        const moved = await settle.settleAll(assessmentId)
        if (moved > 0)
          deps.log.info({ documentName, moved }, 'moved revealed blind-round ticks onto the board on load')
      })
    }
    for (const [areaId, round] of rounds) {
      if (round.mode === 'anonymous') countAnonymous(assessmentId, areaId)
      if (isBlind(round)) countBlind(assessmentId, areaId)
    }
  }

  /** The chair started a session or moved a round, from a client (or another instance, through Redis). */
  const liveChanged = (document: Y.Doc, assessmentId: string, settings: LiveSettings, origin: unknown) => {
    const source = transactionSource(origin)
    if (source !== 'connection' && source !== 'redis') return
    for (const setting of settings) {
      if (setting.kind === 'activeSession' && activeSessionOf(document) !== null)
        queue.run(Promise.resolve().then(() => attendEveryoneConnected(document)))
      if (setting.kind === 'activeSession')
        queue.run(Promise.resolve().then(() => endStoppedSessionsOf(document)))
      // A round moved on another instance is acted on there, where the chair's change arrived; only
      // attendance is each instance's own, as each knows only its own connections.
      if (source !== 'connection' || setting.kind !== 'round') continue
      const mode = roundOf(document, setting.areaId)?.mode
      if (mode === 'revealed') revealRound(assessmentId, setting.areaId)
      if (mode === 'blind') countBlind(assessmentId, setting.areaId)
      if (mode === 'anonymous') countAnonymous(assessmentId, setting.areaId)
      if (mode === 'anonymous-ended') countAnonymous(assessmentId, setting.areaId, true)
    }
  }

  return {
    extensionName: 'co-assess-board-lifecycle',
    async connected({ context, documentName, connection }: connectedPayload) {
      if (!isSyncContext(context) || context.documentKind !== 'board') return
      const document = connection.document
      queue.run(
        (async () => {
          attendOnConnect(document, context.claims.personId)
          await deps.flush(documentName)
        })(),
      )
    },
    async onChange({ document, documentName, transactionOrigin }: onChangePayload) {
      if (transactionSource(transactionOrigin) !== 'connection') return
      const target = parseDocumentName(documentName)
      if (target?.kind !== 'blind') return
      privateChanged(document, documentName, target.assessmentId, target.personId)
    },
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      const target = parseDocumentName(documentName)
      if (target?.kind !== 'board') return
      boardLoaded(document, documentName, target.assessmentId)
      watchAttendance(document, (work) => queue.run(Promise.resolve().then(work)))
      observeLive(document, (settings, origin) =>
        liveChanged(document, target.assessmentId, settings, origin),
      )
    },
    settled: () => queue.settled(),
  }
}
