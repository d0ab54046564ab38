import { useEffect, useState } from 'react'
import { getAnonymousName } from '../api/endpoints.ts'
import { useBoardContext } from '../board/BoardContext.tsx'

// Asked for once per person and board: the name is the same every time, and only its owner is told it.
const asked = new Map<string, Promise<string | null>>()

/**
 * The name this participant's comments posted without their name go under, or null (not a
 * participant, or not known yet because the server cannot be reached: the option waits until it can).
 */
export function useAnonymousName(): string | null {
  const { assessment, keeper, person } = useBoardContext()
  const [alias, setAlias] = useState<string | null>(null)
  useEffect(() => {
    if (person.role !== 'participant') return
    const key = `${assessment.id}/${person.id}`
    let pending = asked.get(key)
    if (!pending) {
      pending = keeper
        .token()
        .then((token) => getAnonymousName(assessment.id, token))
        .then((answer) => answer.alias)
        .catch(() => {
          asked.delete(key)
          return null
        })
      asked.set(key, pending)
    }
    let current = true
    void pending.then((value) => {
      if (current) setAlias(value)
    })
    return () => {
      current = false
    }
  }, [assessment.id, keeper, person.id, person.role])
  return alias
}
