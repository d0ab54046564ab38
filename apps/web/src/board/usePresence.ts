import type { HocuspocusProvider } from '@hocuspocus/provider'
import { useEffect, useState } from 'react'
import { type PresentPerson, readPresence, samePresence } from './presence.ts'

/** Who is connected and where, from the provider's awareness. */
export function usePresence(provider: HocuspocusProvider, personId: string): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([])
  useEffect(() => {
    const awareness = provider.awareness
    if (!awareness) return
    const read = () => {
      const next = readPresence(awareness.getStates(), awareness.clientID, personId)
      setPeople((now) => (samePresence(now, next) ? now : next))
    }
    read()
    awareness.on('change', read)
    return () => awareness.off('change', read)
  }, [provider, personId])
  return people
}

export interface LocalPresence {
  user: { id: string; name: string; color: string; role: string; group: string | null }
  area: string | null
  following: boolean
}

/** Tells everyone who this is and which area they are looking at. */
export function useLocalPresence(provider: HocuspocusProvider, presence: LocalPresence): void {
  const { user, area, following } = presence
  const userKey = JSON.stringify(user)
  useEffect(() => {
    provider.awareness?.setLocalStateField('user', JSON.parse(userKey))
  }, [provider, userKey])
  useEffect(() => {
    provider.awareness?.setLocalStateField('area', area)
    provider.awareness?.setLocalStateField('following', following)
  }, [provider, area, following])
}
