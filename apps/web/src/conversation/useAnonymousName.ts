import { useEffect, useState } from 'react'
import { getAnonymousName } from '../api/endpoints.ts'
import { useBoardContext } from '../board/BoardContext.tsx'
import type { SessionKeeper } from '../session/sessionKeeper.ts'

// Asked for once per person and board: the name is the same every time, and only its owner is told it.
const asked = new Map<string, Promise<string | null>>()
// The answers, once here: a part of the board drawn after that has the name in its first render, so
// the conversation is not drawn a second time when the answer arrives.
const known = new Map<string, string | null>()

const keyOf = (assessmentId: string, personId: string) => `${assessmentId}/${personId}`

/**
 * Asks the server for a participant's anonymous name, once. The board's early opening asks it beside
 * the board's own data, so the answer is usually here before the board is first drawn.
 */
export function askAnonymousName(assessmentId: string, keeper: SessionKeeper): Promise<string | null> | null {
  const { person } = keeper.current
  if (person.role !== 'participant') return null
  const key = keyOf(assessmentId, person.id)
  let pending = asked.get(key)
  if (!pending) {
    pending = keeper
      .token()
      .then((token) => getAnonymousName(assessmentId, token))
      .then((answer) => {
        known.set(key, answer.alias)
        return answer.alias
      })
      .catch(() => {
        asked.delete(key)
        return null
      })
    asked.set(key, pending)
  }
  return pending
}

/**
 * The name this participant's comments posted without their name go under, or null (not a
 * participant, or not known yet because the server cannot be reached: the option waits until it can).
 */
export function useAnonymousName(): string | null {
  const { assessment, keeper, person } = useBoardContext()
  const key = keyOf(assessment.id, person.id)
  const [alias, setAlias] = useState<string | null>(() => known.get(key) ?? null)
  useEffect(() => {
    if (person.role !== 'participant') return
    let current = true
    void askAnonymousName(assessment.id, keeper)?.then((value) => {
      if (current) setAlias(value)
    })
    return () => {
      current = false
    }
  }, [assessment.id, keeper, person.role])
  return alias
}
