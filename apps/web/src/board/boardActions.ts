import {
  type AgreedLevel,
  areaOfItem,
  areaTicksStayPrivate,
  endAnonymousRound,
  endSession,
  type LiveState,
  type RecordedAnswers,
  recordAgreedLevel,
  recordAnswers,
  revealBlindRound,
  setFocus,
  setTick,
  startAnonymousRound,
  startBlindRound,
  startSession,
  startTimer,
  stopTimer,
} from '@co-assess/board-model'
import type * as Y from 'yjs'
import { serverClock } from './serverClock.ts'

/**
 * Everything a person can do on the board, as calls to the board model's named writes. Ticks on an
 * area in a blind round, or with an anonymous round, go to the person's private document, never to
 * the shared board.
 */
export interface BoardActions {
  tick(itemId: string, ticked: boolean): void
  recordLevel(areaId: string, input: Pick<AgreedLevel, 'level' | 'rationale' | 'dissent'>): void
  startSession(): void
  endSession(): void
  focus(areaId: string | null): void
  startBlindRound(areaId: string): void
  reveal(areaId: string): void
  startAnonymousRound(areaId: string): void
  endAnonymousRound(areaId: string): void
  startTimer(areaId: string, seconds: number): void
  stopTimer(areaId: string): void
  /** A chair enters the ticks and views of someone who took part on paper or by phone (always on the shared board). */
  recordAnswers(recordedPersonId: string, answers: RecordedAnswers): void
}

export function boardActions(
  docs: { doc: Y.Doc; blindDoc: Y.Doc | null },
  personId: string,
  live: () => LiveState,
  serverNow: () => number = serverClock.now,
): BoardActions {
  const { doc, blindDoc } = docs
  return {
    tick(itemId, ticked) {
      const target = areaTicksStayPrivate(live(), areaOfItem(itemId)) && blindDoc ? blindDoc : doc
      setTick(target, personId, itemId, ticked)
    },
    recordLevel(areaId, input) {
      recordAgreedLevel(doc, personId, areaId, { ...input, sessionId: live().activeSessionId })
    },
    startSession: () => void startSession(doc, personId),
    endSession: () => endSession(doc, personId),
    focus: (areaId) => setFocus(doc, personId, areaId),
    startBlindRound: (areaId) => startBlindRound(doc, personId, areaId),
    reveal: (areaId) => revealBlindRound(doc, personId, areaId),
    startAnonymousRound: (areaId) => startAnonymousRound(doc, personId, areaId),
    endAnonymousRound: (areaId) => endAnonymousRound(doc, personId, areaId),
    // Stamped in server time, not the chair's device time, so every viewer counts down from one start.
    startTimer: (areaId, seconds) => startTimer(doc, personId, areaId, seconds, serverNow()),
    stopTimer: (areaId) => stopTimer(doc, personId, areaId),
    recordAnswers: (recordedPersonId, answers) =>
      void recordAnswers(doc, personId, recordedPersonId, answers, serverNow()),
  }
}
