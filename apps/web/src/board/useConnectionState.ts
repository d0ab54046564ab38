import { useSyncExternalStore } from 'react'
import type { BoardConnection, ConnectionSnapshot } from './connection/BoardConnection.ts'

export function useConnectionState(connection: BoardConnection): ConnectionSnapshot {
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot)
}
