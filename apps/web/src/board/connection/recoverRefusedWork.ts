import {
  areaOfItem,
  areaTicksStayPrivate,
  ROOTS,
  readLive,
  ticksOfPerson,
  unsavedWork,
} from '@co-assess/board-model'
import * as Y from 'yjs'
import { boardActions } from '../boardActions.ts'
import { describeRefusal, refusalReason } from './classifyClose.ts'

/** What came back after a refusal, for telling the person. */
export interface RecoveredWork {
  /** Own ticks put back, through the same write the tick box uses. */
  ticks: number
  /** Of those, how many went to the private document because their area is now in a blind round. */
  privateTicks: number
  /** Areas whose evidence-note edits were carried over. */
  noteAreas: string[]
  /** Kinds of change that could not be kept, in plain words with counts ("1 comment"). */
  lost: string[]
}

const LOST_WORDS: Record<string, [string, string]> = {
  [ROOTS.comments]: ['comment', 'comments'],
  [ROOTS.threads]: ['thread resolved or reopened', 'threads resolved or reopened'],
  [ROOTS.actions]: ['action', 'actions'],
  [ROOTS.agreed]: ['recorded level', 'recorded levels'],
  [ROOTS.peer]: ['suggested level', 'suggested levels'],
  [ROOTS.sessions]: ['session change', 'session changes'],
  [ROOTS.live]: ['chair control (round, timer or focus)', 'chair controls (rounds, timers or focus)'],
  [ROOTS.evidence]: ['piece of evidence', 'pieces of evidence'],
  [ROOTS.evidenceMarks]: ['mark on evidence', 'marks on evidence'],
}

/**
 * After the server refused an update from this device, `refused` is the device's old copy (holding the
 * refused change and everything else made offline) and `board`/`blindDoc` are fresh copies loaded from
 * the server. Puts the person's own work back onto the fresh copies without the refused part:
 * - ticks that differ from what the server has go through the tick box's own write, which sends a tick
 *   in an area now in a blind round to the private document instead of the board;
 * - evidence-note edits are carried as Yjs edits, so they merge with what others wrote meanwhile;
 * - anything else is reported, so the person knows what to redo.
 * A tick the server holds a newer word for (the person ticked on another device since) is left alone.
 */
export function recoverRefusedWork(input: {
  refused: Y.Doc
  kind: 'board' | 'blind'
  board: Y.Doc
  blindDoc: Y.Doc | null
  personId: string
  canWrite: boolean
}): RecoveredWork {
  const { refused, kind, board, blindDoc, personId, canWrite } = input
  const result: RecoveredWork = { ticks: 0, privateTicks: 0, noteAreas: [], lost: [] }
  const live = () => readLive(board)
  const actions = boardActions({ doc: board, blindDoc }, personId, live)
  const onBoard = ticksOfPerson(board, personId)
  const inPrivate = blindDoc ? ticksOfPerson(blindDoc, personId) : new Map()

  if (canWrite) {
    for (const [itemId, tick] of ticksOfPerson(refused, personId)) {
      const blind = areaTicksStayPrivate(live(), areaOfItem(itemId))
      const current = (blind ? inPrivate.get(itemId) : undefined) ?? onBoard.get(itemId)
      if (current && (current.ticked === tick.ticked || current.at > tick.at)) continue
      actions.tick(itemId, tick.ticked)
      result.ticks += 1
      if (blind && blindDoc) result.privateTicks += 1
    }
  }
  if (kind === 'blind') return result

  const work = unsavedWork(refused, board)
  if (work.noteEdits && canWrite) {
    Y.applyUpdate(board, work.noteEdits)
    result.noteAreas = work.noteAreas
  } else if (work.noteAreas.length > 0) {
    result.lost.push(`edits to the evidence notes for ${work.noteAreas.join(', ')}`)
  }
  for (const [root, keys] of work.entries) {
    const words = LOST_WORDS[root]
    if (!words) continue
    // An entry now equal on both copies reached the server some other way: nothing was lost.
    const changed = [...keys].filter(
      (key) => JSON.stringify(refused.getMap(root).get(key)) !== JSON.stringify(board.getMap(root).get(key)),
    ).length
    if (changed > 0) result.lost.push(`${changed} ${changed === 1 ? words[0] : words[1]}`)
  }
  return result
}

/** The refusal and what was kept, in plain words, for the notice on the board. */
export function describeRecovery(reason: string, recovered: RecoveredWork): string {
  const kept: string[] = []
  if (recovered.ticks > 0) {
    const ticks = `${recovered.ticks} ${recovered.ticks === 1 ? 'tick' : 'ticks'}`
    kept.push(
      recovered.privateTicks > 0
        ? `${ticks} (${recovered.privateTicks} kept private until the chair reveals the blind round)`
        : ticks,
    )
  }
  if (recovered.noteAreas.length > 0) kept.push(`your evidence notes for ${recovered.noteAreas.join(', ')}`)
  if (kept.length === 0 && recovered.lost.length === 0) return describeRefusal(reason)
  const why = refusalReason(reason)
  const keptText = kept.length > 0 ? ` and put your own work back: ${kept.join(' and ')}` : ''
  const lostText =
    recovered.lost.length > 0
      ? ` These could not be kept, so please make them again: ${recovered.lost.join('; ')}.`
      : ''
  return `A change you made was not saved${why ? ` because ${why}` : ''}. Co-assess reloaded the board from the server${keptText}.${lostText}`
}
