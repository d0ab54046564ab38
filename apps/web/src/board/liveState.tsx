import { createContext, type ReactNode, useCallback, useContext, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { BoardConnection, ConnectionSnapshot } from './connection/BoardConnection.ts'
import type { PresentPerson } from './presence.ts'
import { usePresence } from './usePresence.ts'

// The connection's state and who is here change on their own, often: a reconnect, a person moving to
// another area, someone's caret in the notes. Each has its own context, provided below the board's
// (BoardContext), so that such a change draws again only the parts that show it (the status bar, the
// "looking at this area" line) and never the whole board: on a finished board that is ~100 ms of the
// page's one thread each time.

const ConnectionStateContext = createContext<ConnectionSnapshot | null>(null)
const PresenceContext = createContext<PresentPerson[] | null>(null)

/** Provides the connection's state and who is here to the board below it. */
export function LiveStateProvider(props: {
  connection: BoardConnection
  awareness: Awareness
  personId: string
  children: ReactNode
}) {
  const { connection, awareness, personId, children } = props
  const sync = useSyncExternalStore(connection.subscribe, connection.getSnapshot)
  const presence = usePresence(awareness, personId)
  // `children` is the same element while only these change, so React keeps the board below as it is
  // and draws again only the components that read these contexts.
  return (
    <ConnectionStateContext.Provider value={sync}>
      <PresenceContext.Provider value={presence}>{children}</PresenceContext.Provider>
    </ConnectionStateContext.Provider>
  )
}

/** The connection's state (saved, saving, offline; a refused change), for the parts that show it. */
export function useBoardSync(): ConnectionSnapshot {
  const value = useContext(ConnectionStateContext)
  if (!value) throw new Error('useBoardSync is used outside the board')
  return value
}

/** Who is here and where, for the parts that show it. */
export function useBoardPresence(): PresentPerson[] {
  const value = useContext(PresenceContext)
  if (!value) throw new Error('useBoardPresence is used outside the board')
  return value
}

/**
 * One fact of the connection's state, for a component that must not draw again on every other change
 * of it: React compares the selected value, so a selector returning a primitive re-renders only when
 * that value changes.
 */
export function useConnectionFact<T extends string | number | boolean | null>(
  connection: BoardConnection,
  select: (snapshot: ConnectionSnapshot) => T,
): T {
  const getSnapshot = useCallback(() => select(connection.getSnapshot()), [connection, select])
  return useSyncExternalStore(connection.subscribe, getSnapshot)
}
