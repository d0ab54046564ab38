import { CLOSE_CODES } from '@co-assess/board-model'
import { StorageUnavailableError } from '@co-assess/storage'
import type { onAuthenticatePayload } from '@hocuspocus/server'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { authExtension } from './authExtension.ts'
import { rememberSocket, TRY_AGAIN_LATER } from './tryAgainLater.ts'

describe('authExtension', () => {
  it('closes the socket with "try again later" when the store cannot be reached, rather than refusing', async () => {
    const extension = authExtension({
      tokens: {
        verify: async () => ({ assessmentId: 'board1', personId: 'p1', inviteId: 'i1', role: 'participant' }),
        alias: () => 'alias',
      } as never,
      metadata: {
        getInvite: async () => {
          throw new StorageUnavailableError('Cannot reach PostgreSQL at db:5432: connection refused.')
        },
      } as never,
      frameworks: new Map(),
      log: pino({ level: 'silent' }),
    })
    const closed: Array<[number, string]> = []
    const request = {}
    rememberSocket(request, {
      close: (code: number, reason: string) => closed.push([code, reason]),
    } as unknown as WebSocket)
    const payload = {
      documentName: 'board1',
      token: 't',
      request,
      connectionConfig: {},
    } as unknown as onAuthenticatePayload
    await expect(extension.onAuthenticate!(payload)).rejects.toMatchObject({
      code: CLOSE_CODES.storageUnavailable,
    })
    expect(closed).toEqual([[TRY_AGAIN_LATER, expect.stringMatching(/cannot reach its store/)]])
  })
})
