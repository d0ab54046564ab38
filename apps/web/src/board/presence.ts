import type { Role, StakeholderGroup } from '@co-assess/board-model'

/** The awareness fields this board sets (the server rewrites `user` from the token). */
export interface AwarenessUser {
  id: string
  name: string
  color: string
  role: Role
  /** Null for people with no group (observers, peer reviewers, a facilitator). */
  group: StakeholderGroup | null
}

export interface PresentPerson {
  personId: string
  name: string
  colour: string
  role: Role
  group: StakeholderGroup | null
  /** The area they are looking at, or null on the overview. */
  areaId: string | null
  following: boolean
  self: boolean
}

function asUser(value: unknown): AwarenessUser | null {
  if (typeof value !== 'object' || value === null) return null
  const u = value as Partial<AwarenessUser>
  if (typeof u.id !== 'string' || typeof u.name !== 'string') return null
  return {
    id: u.id,
    name: u.name,
    color: typeof u.color === 'string' ? u.color : '#4c6272',
    role: (u.role ?? 'participant') as Role,
    group: typeof u.group === 'string' ? u.group : null,
  }
}

/**
 * Who is here, once per person however many tabs or devices they have open, sorted by name with the
 * viewer first. A person on several devices shows where their most recently joined one is.
 */
export function readPresence(
  states: ReadonlyMap<number, unknown>,
  selfClientId: number,
  selfPersonId: string,
) {
  const byPerson = new Map<string, PresentPerson>()
  const clientIds = [...states.keys()].sort((a, b) => a - b)
  for (const clientId of clientIds) {
    const state = states.get(clientId) as { user?: unknown; area?: unknown; following?: unknown } | null
    const user = asUser(state?.user)
    if (!user) continue
    const self = clientId === selfClientId || user.id === selfPersonId
    const existing = byPerson.get(user.id)
    if (existing && !(clientId === selfClientId)) continue
    byPerson.set(user.id, {
      personId: user.id,
      name: user.name,
      colour: user.color,
      role: user.role,
      group: user.group,
      areaId: typeof state?.area === 'string' ? state.area : null,
      following: state?.following === true,
      self,
    })
  }
  return [...byPerson.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'en-GB'),
  )
}

/**
 * Whether two readings list the same people, in the same order, in the same places. Awareness also
 * carries what this list does not show (a caret in the notes, a renewal every few seconds): a reading
 * that is the same keeps the list the board already has, so nothing is drawn again for it.
 */
export function samePresence(a: readonly PresentPerson[], b: readonly PresentPerson[]): boolean {
  if (a.length !== b.length) return false
  return a.every((p, i) => {
    const q = b[i]!
    return (
      p.personId === q.personId &&
      p.name === q.name &&
      p.colour === q.colour &&
      p.role === q.role &&
      p.group === q.group &&
      p.areaId === q.areaId &&
      p.following === q.following &&
      p.self === q.self
    )
  })
}
