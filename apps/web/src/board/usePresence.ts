import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type PresentPerson, readPresence, samePresence } from './presence.ts'

/**
 * Who is connected and where, from the board's awareness (the connection's: it lasts across
 * reconnections, where each provider is replaced).
 */
export function usePresence(awareness: Awareness, personId: string): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([])
  useEffect(() => {
    const read = () => {
      const next = readPresence(awareness.getStates(), awareness.clientID, personId)
      setPeople((now) => (samePresence(now, next) ? now : next))
    }
    read()
    awareness.on('change', read)
    return () => awareness.off('change', read)
  }, [awareness, personId])
  return people
}

export interface LocalPresence {
  user: { id: string; name: string; color: string; role: string; group: string | null }
  area: string | null
  following: boolean
}

/** Tells everyone who this is and which area they are looking at. */
export function useLocalPresence(awareness: Awareness, presence: LocalPresence): void {
  const { user, area, following } = presence
  const userKey = JSON.stringify(user)
  useEffect(() => {
    awareness.setLocalStateField('user', JSON.parse(userKey))
  }, [awareness, userKey])
  useEffect(() => {
    awareness.setLocalStateField('area', area)
    awareness.setLocalStateField('following', following)
  }, [awareness, area, following])
}
