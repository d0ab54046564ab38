import { describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { memoryStorage } from '../../test/memoryStorage.ts'
import { saveBoardCopy } from '../session/boardCopy.ts'
import type { SessionKeeper } from '../session/sessionKeeper.ts'
import { saveSession } from '../session/storedSession.ts'
import type { BoardConnection } from './connection/BoardConnection.ts'
import { earlyBoardLoaded, startBoardEarly, takeEarlyBoard } from './earlyBoard.ts'
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

/** The assessment a board of 'a1' leaves on the device when it opens (session/boardCopy.ts). */
const keepBoardCopy = (storage: Storage) => {
  const detail = { assessment: { id: 'a1', frameworkId: 'fw' }, participants: [] }
  saveBoardCopy(storage, 'p-a1', { detail, framework: { id: 'fw', phases: [] } } as unknown as BoardData)
  return storage
}

const opener = (data: Promise<BoardData> = new Promise(() => undefined)) => {
  const connection = { destroy: vi.fn(), awareness: new Awareness(new Y.Doc()) } as unknown as BoardConnection
  const open = vi.fn((_keeper: SessionKeeper, _hasLocalCopy: boolean) => ({ connection, data }))
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

  it('stops the session keeper when opening the board fails', () => {
    const failing = vi.fn((keeper: SessionKeeper) => {
      vi.spyOn(keeper, 'stop')
      throw new Error('IndexedDB is not available')
    })
    expect(() => startBoardEarly('a1', { storage: joinedStorage('a1'), open: failing })).toThrow()
    expect(failing.mock.calls[0]![0].stop).toHaveBeenCalled()
    expect(takeEarlyBoard('a1')).toBeNull()
  })

  it('notes a sign-out that came before the page took it, and drops the assessment kept here', () => {
    const { open } = opener()
    const storage = joinedStorage('a1')
    keepBoardCopy(storage)
    startBoardEarly('a1', { storage, open })
    expect(storage.getItem('co-assess:board-copy:a1')).not.toBeNull()
    const keeper = open.mock.calls[0]![0]
    keeper.signOut('This invite has been withdrawn.')
    const board = takeEarlyBoard('a1')
    expect(board?.signedOut).toBe('This invite has been withdrawn.')
    expect(storage.getItem('co-assess:board-copy:a1')).toBeNull()
    expect(board?.keeper).toBe(keeper)
  })

  it('waits for the device copy only when reopening a board this device opened before', () => {
    const storage = joinedStorage('a1')
    const joined = opener()
    startBoardEarly('a1', { storage, open: joined.open })
    expect(joined.open.mock.calls[0]![1]).toBe(false)
    takeEarlyBoard('a1')?.keeper.stop()

    // A reload with no assessment kept here (the board never opened on this device): nothing to wait for.
    const bare = opener()
    startBoardEarly('a1', { why: 'reopened', storage, open: bare.open })
    expect(bare.open.mock.calls[0]![1]).toBe(false)
    takeEarlyBoard('a1')?.keeper.stop()

    keepBoardCopy(storage)
    const reopened = opener()
    startBoardEarly('a1', { why: 'reopened', storage, open: reopened.open })
    expect(reopened.open.mock.calls[0]![1]).toBe(true)
    takeEarlyBoard('a1')?.keeper.stop()
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

  describe('a reload waits for the device copy before drawing', () => {
    const reopenedStorage = () => {
      return keepBoardCopy(joinedStorage('a1'))
    }
    /** A connection whose device copy loads when the test says so. */
    const loadingConnection = () => {
      const listeners = new Set<() => void>()
      let localLoaded = false
      const connection = {
        destroy: vi.fn(),
        awareness: new Awareness(new Y.Doc()),
        subscribe: (listener: () => void) => {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
        getSnapshot: () => ({ localLoaded }),
      } as unknown as BoardConnection
      const load = () => {
        localLoaded = true
        for (const listener of listeners) listener()
      }
      return { connection, load, listeners }
    }
    const settled = async (promise: Promise<void>) => {
      let done = false
      void promise.then(() => {
        done = true
      })
      await new Promise((resolve) => setTimeout(resolve, 0))
      return done
    }

    it('settles when the copy has loaded, and stops listening', async () => {
      const { connection, load, listeners } = loadingConnection()
      startBoardEarly('a1', {
        why: 'reopened',
        storage: reopenedStorage(),
        open: () => ({ connection, data: new Promise(() => undefined) }),
      })
      const loaded = earlyBoardLoaded('a1', 60_000)
      expect(await settled(loaded)).toBe(false)
      load()
      expect(await settled(loaded)).toBe(true)
      expect(listeners.size).toBe(0)
      takeEarlyBoard('a1')?.keeper.stop()
    })

    it('gives up after the time given, so a stuck IndexedDB still shows the page', async () => {
      vi.useFakeTimers()
      try {
        const { connection, listeners } = loadingConnection()
        startBoardEarly('a1', {
          why: 'reopened',
          storage: reopenedStorage(),
          open: () => ({ connection, data: new Promise(() => undefined) }),
        })
        const loaded = earlyBoardLoaded('a1', 1000)
        let done = false
        void loaded.then(() => {
          done = true
        })
        await vi.advanceTimersByTimeAsync(999)
        expect(done).toBe(false)
        await vi.advanceTimersByTimeAsync(1)
        expect(done).toBe(true)
        expect(listeners.size).toBe(0)
        takeEarlyBoard('a1')?.keeper.stop()
      } finally {
        vi.useRealTimers()
      }
    })

    it('does not wait when this device holds no copy, or for another board', async () => {
      const { connection } = loadingConnection()
      startBoardEarly('a1', {
        why: 'reopened',
        storage: joinedStorage('a1'),
        open: () => ({ connection, data: new Promise(() => undefined) }),
      })
      expect(await settled(earlyBoardLoaded('a1', 60_000))).toBe(true)
      takeEarlyBoard('a1')?.keeper.stop()

      const other = loadingConnection()
      startBoardEarly('a1', {
        why: 'reopened',
        storage: reopenedStorage(),
        open: () => ({ connection: other.connection, data: new Promise(() => undefined) }),
      })
      expect(await settled(earlyBoardLoaded('a2', 60_000))).toBe(true)
      takeEarlyBoard('a1')?.keeper.stop()
    })
  })
})
