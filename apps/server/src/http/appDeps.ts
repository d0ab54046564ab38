import type { Framework } from '@co-assess/framework'
import type { Storage } from '@co-assess/storage'
import type { Document, Hocuspocus } from '@hocuspocus/server'
import type { Logger } from 'pino'
import type { TokenService } from '../auth/tokens.ts'
import type { Config } from '../config.ts'
import type { RequestAuth } from './requestAuth.ts'

/** What the HTTP routes need, passed in so tests can build the app around a temporary store. */
export interface AppDeps {
  config: Config
  storage: Storage
  frameworks: ReadonlyMap<string, Framework>
  tokens: TokenService
  auth: RequestAuth
  hocuspocus: Hocuspocus
  /** Unloads a loaded document now, even one kept warm after its last person left. */
  unloadDocument(document: Document): Promise<void>
  /** Resolves when the server's own writes to a document are durable. */
  flush(documentName: string): Promise<void>
  /** Closes this instance's live connections made with an invite; other instances find it on their sweep. */
  closeInviteConnections(inviteId: string): number
  log: Logger
}
