export type SocketStatus = 'connecting' | 'connected' | 'disconnected'

export interface SyncFacts {
  status: SocketStatus
  /** Changes sent (or waiting to be sent) that the server has not yet confirmed. */
  unsynced: number
  /** The first exchange with the server has finished since the board opened. */
  synced: boolean
  online: boolean
}

export interface SyncState {
  kind: 'saved' | 'saving' | 'offline' | 'connecting'
  /** Short words for the status tag. */
  label: string
  /** A sentence that says what it means for the person. */
  detail: string
}

const changes = (n: number) => (n === 1 ? '1 change' : `${n} changes`)

/** What the sync indicator says: everything saved, saving, or offline with changes kept on this device. */
export function describeSync(facts: SyncFacts): SyncState {
  const waiting = Math.max(0, facts.unsynced)
  if (!facts.online || facts.status === 'disconnected') {
    return {
      kind: 'offline',
      label: waiting > 0 ? `Offline: ${changes(waiting)} waiting` : 'Offline',
      detail:
        waiting > 0
          ? `Your ${changes(waiting)} are kept on this device and will be sent when the connection returns.`
          : 'Anything you change is kept on this device and sent when the connection returns.',
    }
  }
  if (facts.status === 'connecting' || !facts.synced) {
    return {
      kind: 'connecting',
      label: 'Connecting',
      detail:
        waiting > 0
          ? `Connecting to the board. Your ${changes(waiting)} are kept on this device until then.`
          : 'Connecting to the board.',
    }
  }
  if (waiting > 0) {
    return { kind: 'saving', label: 'Saving', detail: `Saving ${changes(waiting)}.` }
  }
  return { kind: 'saved', label: 'All changes saved', detail: 'Everything you have done is saved.' }
}
