import { describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { memoryStorage } from '../../test/memoryStorage.ts'
import type { SessionKeeper } from '../session/sessionKeeper.ts'
import { saveSession } from '../session/storedSession.ts'
import type { BoardConnection } from './connection/BoardConnection.ts'
import { startBoardEarly, takeEarlyBoard } from './earlyBoard.ts'
import type { BoardData } from './openBoard.ts'

const joinedStorage = (assessmentId: string) => {
  const storage = memoryStorage()
  saveSession(storage, {
    assessmentId,
    token: 't',
    refreshToken: 'r',
    expiresAt: '2099-01-01T00:00:00.000Z',
    person: {
      id: `p-${assessmentId}`,
      name: 'Asha',
      organisation: '',
      role: 'participant',
      group: 'vcse',
      colour: '#005eb8',
    },
  })
  return storage
}

const opener = (data: Promise<BoardData> = new Promise(() => undefined)) => {
  const connection = { destroy: vi.fn(), awareness: new Awareness(new Y.Doc()) } as unknown as BoardConnection
  const open = vi.fn((_keeper: SessionKeeper) => ({ connection, data }))
  return { connection, open }
}

describe('a board opened while the equality questions are on screen', () => {
  it('is handed to the board page once, with the session it was opened for', () => {
    const { connection, open } = opener()
    startBoardEarly('a1', { storage: joinedStorage('a1'), open })
    // No presence while the questions are on screen; the page's own presence follows once taken.
    expect(connection.awareness.getLocalState()).toBeNull()
    const board = takeEarlyBoard('a1')
    expect(connection.awareness.getLocalState()).toEqual({})
    expect(board?.connection).toBe(connection)
    expect(board?.keeper.current.person.id).toBe('p-a1')
    expect(board?.signedOut).toBeNull()
    expect(takeEarlyBoard('a1')).toBeNull()
    expect(connection.destroy).not.toHaveBeenCalled()
    board?.keeper.stop()
  })

  it('opens nothing without a stored session for the board', () => {
    const { open } = opener()
    startBoardEarly('a1', { storage: memoryStorage(), open })
    expect(open).not.toHaveBeenCalled()
    expect(takeEarlyBoard('a1')).toBeNull()
  })

  it('is opened once however often it is started', () => {
    const storage = joinedStorage('a1')
    const { open } = opener()
    startBoardEarly('a1', { storage, open })
    startBoardEarly('a1', { storage, open })
    expect(open).toHaveBeenCalledTimes(1)
    takeEarlyBoard('a1')?.keeper.stop()
  })

  it('is closed when another board opens instead', () => {
    const first = opener()
    startBoardEarly('a1', { storage: joinedStorage('a1'), open: first.open })
    expect(takeEarlyBoard('a2')).toBeNull()
    expect(first.connection.destroy).toHaveBeenCalledTimes(1)

    const second = opener()
    startBoardEarly('a1', { storage: joinedStorage('a1'), open: first.open })
    startBoardEarly('a3', { storage: joinedStorage('a3'), open: second.open })
    expect(first.connection.destroy).toHaveBeenCalledTimes(2)
    takeEarlyBoard('a3')?.keeper.stop()
  })

  it('notes a sign-out that came before the page took it', () => {
    const { open } = opener()
    const storage = joinedStorage('a1')
    startBoardEarly('a1', { storage, open })
    const keeper = open.mock.calls[0]![0]
    keeper.signOut('This invite has been withdrawn.')
    const board = takeEarlyBoard('a1')
    expect(board?.signedOut).toBe('This invite has been withdrawn.')
    expect(board?.keeper).toBe(keeper)
  })

  it('keeps what the fetch gave, for the page to draw the board in its first render', async () => {
    const data = { detail: { participants: [] }, framework: { id: 'fw' } } as unknown as BoardData
    const answer = Promise.resolve(data)
    const { open } = opener(answer)
    startBoardEarly('a1', { storage: joinedStorage('a1'), open })
    await answer
    const board = takeEarlyBoard('a1')
    expect(board?.ready).toBe(data)
    board?.keeper.stop()
  })

  it('keeps a failed fetch for the page to show, not unhandled', async () => {
    const { open } = opener(Promise.reject(new Error('The server did not answer')))
    startBoardEarly('a1', { storage: joinedStorage('a1'), open })
    await new Promise((settle) => setTimeout(settle, 0))
    const board = takeEarlyBoard('a1')
    await expect(board?.data).rejects.toThrow('The server did not answer')
    board?.keeper.stop()
  })
})
