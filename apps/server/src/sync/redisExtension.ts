import { randomUUID } from 'node:crypto'
import type { DocumentStore } from '@co-assess/storage'
import { Redis as HocuspocusRedis } from '@hocuspocus/extension-redis'
import {
  type connectedPayload,
  type Document,
  type Extension,
  IncomingMessage,
  OutgoingMessage,
} from '@hocuspocus/server'
import { Redis, type RedisOptions } from 'ioredis'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { Config } from '../config.ts'
import { broadcastHeld, broadcastReleased } from './broadcastHold.ts'

/** State read back from the shared store came from another instance: neither stored again nor republished. */
const FROM_PEERS = { source: 'redis' } as const

const CLIENT_OPTIONS: RedisOptions = {
  // Reconnect quickly and for ever; a command waits through two attempts, then fails rather than piling up.
  retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  maxRetriesPerRequest: 2,
  connectTimeout: 5000,
}

export interface RedisExtensionDeps {
  config: Pick<Config, 'redisUrl' | 'databaseUrl' | 'instanceId'>
  documents: DocumentStore
  log: Logger
  /** Namespace for channels and locks; several deployments (or test runs) can share one Redis. */
  prefix?: string
}

/**
 * Shares live sync between instances through Hocuspocus's Redis extension: every instance that has a
 * board open subscribes to its channel, so clients on different instances see each other's changes and
 * presence. Three additions to the stock extension:
 * - it refuses to start without PostgreSQL or with an unreachable Redis, in one line each;
 * - after a Redis outage it announces every open document again, since pub/sub keeps nothing;
 * - a client connecting to an open board first pulls the shared store into it, so an update another
 *   instance stored and acknowledged just before it died reaches this instance's clients even though
 *   its Redis round trip never finished.
 * Updates arriving from Redis are not stored here: the instance that received them from a client, or
 * made them, stored them before any other instance could ask for them.
 */
export interface SharedSync extends Extension {
  /** Applies everything in the shared store to an open board; concurrent calls share one read. */
  catchUpFromStore(documentName: string, document: Document): Promise<void>
}

export async function redisExtension(deps: RedisExtensionDeps): Promise<SharedSync> {
  const { redisUrl, databaseUrl, instanceId } = deps.config
  if (!redisUrl) throw new Error('redisExtension needs REDIS_URL.')
  if (!databaseUrl) {
    throw new Error(
      'REDIS_URL is set but DATABASE_URL is not: instances that share sync through Redis must share one PostgreSQL store. Set DATABASE_URL, or unset REDIS_URL to run a single instance on the embedded store.',
    )
  }
  const where = redactedRedisUrl(redisUrl)
  await assertRedisReachable(redisUrl, where)

  const prefix = deps.prefix || process.env.CO_ASSESS_REDIS_PREFIX || 'co-assess'
  const clients: Redis[] = []
  const extension = new CoAssessRedis(
    {
      prefix,
      identifier: `${instanceId.slice(0, 64)}-${randomUUID()}`,
      // How long the extension holds a board open after the server's own write (a join, a new board)
      // so the change can cross Redis before the board unloads. The default second, paid twice (after
      // the store and before the unload), made every join wait 3 s; a publish over a LAN takes
      // milliseconds, and what is stored is in PostgreSQL whatever happens to the publish.
      disconnectDelay: 100,
      createClient: () => {
        const client = new Redis(redisUrl, CLIENT_OPTIONS)
        clients.push(client)
        return client
      },
    },
    deps.documents,
    deps.log,
  )
  const [pub, sub] = clients as [Redis, Redis]
  answerWhenStored(sub, extension)
  // After an outage, once both connections are back, announce every open board again.
  let resyncNeeded = false
  const onLost = () => {
    resyncNeeded = true
  }
  makePublishBestEffort(pub, where, deps.log, onLost)
  makeSubscribeBestEffort(sub, onLost)
  const onReady = () => {
    if (!resyncNeeded || pub.status !== 'ready' || sub.status !== 'ready') return
    resyncNeeded = false
    // ioredis resubscribes just after emitting 'ready': let it, then announce.
    setImmediate(() => {
      extension
        .resync()
        .catch((error: unknown) => deps.log.warn({ err: error }, 'could not resync after Redis came back'))
    })
  }
  watchConnection(pub, 'publisher', where, deps.log, onLost, onReady)
  watchConnection(sub, 'subscriber', where, deps.log, onLost, onReady)
  deps.log.info(
    { redis: where, prefix, identifier: extension.configuration.identifier },
    'sharing sync through Redis',
  )
  return extension
}

class CoAssessRedis extends HocuspocusRedis {
  extensionName = 'co-assess-redis'
  // Not `documents`: the base class keeps its own map under that name.
  private readonly store: DocumentStore
  private readonly log: Logger
  private readonly catchingUp = new Map<string, Promise<void>>()

  constructor(
    configuration: ConstructorParameters<typeof HocuspocusRedis>[0],
    store: DocumentStore,
    log: Logger,
  ) {
    super(configuration)
    this.store = store
    this.log = log
  }

  /** The open board a message from another instance is about (its name follows the sender's id). */
  documentOf(data: Buffer): Document | undefined {
    try {
      const message = data.subarray(data[0]! + 1)
      return this.instance?.documents.get(new IncomingMessage(message).readVarString())
    } catch {
      return undefined
    }
  }

  async connected({ documentName, connection }: connectedPayload) {
    await this.catchUpFromStore(documentName, connection.document)
  }

  /** Applies everything in the shared store to the open document; concurrent calls share one read. */
  catchUpFromStore(documentName: string, document: Document): Promise<void> {
    const running = this.catchingUp.get(documentName)
    if (running) return running
    const work = this.store
      .loadDocument(documentName)
      .then((stored: Uint8Array | null) => {
        if (stored && !document.isDestroyed) Y.applyUpdate(document, stored, FROM_PEERS)
      })
      .catch((error: unknown) =>
        this.log.warn({ err: error, documentName }, 'could not read a board back from the store'),
      )
      .finally(() => this.catchingUp.delete(documentName))
    this.catchingUp.set(documentName, work)
    return work
  }

  /**
   * The stock shutdown quits the publisher while a store's lock release may still be on its way, and
   * then throws "Connection is closed": by now every board is stored, so just make sure both go.
   */
  override async onDestroy() {
    try {
      await super.onDestroy()
    } catch {
      this.pub.disconnect(false)
      this.sub.disconnect(false)
    }
  }

  /** After Redis comes back: catch every open document up from the store, then ask peers for the rest. */
  async resync() {
    const open = [...this.instance.documents.entries()]
    this.log.info({ documents: open.length }, 'Redis is back: resyncing open boards with the other instances')
    // Queued behind the subscriber's own resubscriptions, so peers' replies have somewhere to land.
    await this.sub.subscribe(`${this.configuration.prefix}#reply:${this.configuration.identifier}`)
    for (const [name, document] of open) {
      await this.catchUpFromStore(name, document)
      const channel = `${this.configuration.prefix}:${name}`
      // A board opened while Redis was away was never subscribed (see makeSubscribeBestEffort);
      // subscribing again to a channel already held changes nothing.
      await this.sub.subscribe(channel)
      const syncStep1 = new OutgoingMessage(name).createSyncMessage().writeFirstSyncStepFor(document)
      const queryAwareness = new OutgoingMessage(name).writeQueryAwareness()
      await this.pub.publish(channel, Buffer.concat([this.messagePrefix, syncStep1.toUint8Array()]))
      await this.pub.publish(channel, Buffer.concat([this.messagePrefix, queryAwareness.toUint8Array()]))
    }
  }
}

/**
 * Another instance's message about a board waits while the board holds a change the server made that
 * is not stored yet (`broadcastHold.ts`): the stock extension answers a peer's SyncStep1 from the
 * document as it is, so the peer, and its readers, would otherwise get that change before the store.
 * Messages about one board keep their order: each waits behind the same release.
 */
function answerWhenStored(sub: Redis, extension: CoAssessRedis) {
  const listeners = sub.listeners('messageBuffer') as Array<(channel: Buffer, data: Buffer) => unknown>
  sub.removeAllListeners('messageBuffer')
  const deliver = (channel: Buffer, data: Buffer) => {
    for (const listener of listeners) listener(channel, data)
  }
  sub.on('messageBuffer', (channel: Buffer, data: Buffer) => {
    const document = extension.documentOf(data)
    if (!document || !broadcastHeld(document)) return deliver(channel, data)
    broadcastReleased(document).then(() => deliver(channel, data))
  })
}

/**
 * Every publish is best effort and never rejects. The stock extension hands some publishes to
 * callers that drop the promise (its replies to a peer's SyncStep1 go through a `void` callback),
 * so a publish sent just before Redis died, failing later with ioredis's MaxRetriesPerRequestError,
 * was an unhandled rejection and stopped the whole instance. A publish lost this way costs nothing
 * lasting: what it carried is in the store, and the resync after the outage announces every open board.
 */
function makePublishBestEffort(pub: Redis, where: string, log: Logger, onLost: () => void) {
  const publish = pub.publish.bind(pub)
  let failing = false
  pub.publish = ((channel: string | Buffer, message: string | Buffer) => {
    // While Redis is away a publish is dropped, not queued.
    if (pub.status !== 'ready') return Promise.resolve(0)
    return publish(channel, message).then(
      (receivers) => {
        failing = false
        return receivers
      },
      (error: Error & { code?: string }) => {
        onLost()
        if (!failing) {
          failing = true
          log.warn(
            { redis: where, reason: error.code ?? error.name, err: error },
            'could not publish to Redis: this instance keeps serving its own clients and resyncs when Redis is back',
          )
        }
        return 0
      },
    )
  }) as typeof pub.publish
}

/**
 * A board opened while Redis is away still opens for this instance's clients: its channel
 * subscription is skipped (the stock extension would fail the load, and with it the connection)
 * and made by the resync once Redis is back.
 */
function makeSubscribeBestEffort(sub: Redis, onLost: () => void) {
  const subscribe = sub.subscribe.bind(sub) as (...args: unknown[]) => Promise<unknown>
  sub.subscribe = ((...args: unknown[]) => {
    if (sub.status === 'ready') return subscribe(...args)
    onLost()
    const callback = args.at(-1)
    if (typeof callback === 'function') {
      ;(callback as (error: Error | null, count: number) => void)(null, 0)
    }
    return Promise.resolve(0)
  }) as typeof sub.subscribe
}

/** Logs each outage once, not every retry, and reports losing and regaining the connection. */
function watchConnection(
  client: Redis,
  role: string,
  where: string,
  log: Logger,
  onLost: () => void,
  onReady: () => void,
) {
  let lost = false
  const lose = (reason: string) => {
    onLost()
    if (lost) return
    lost = true
    log.warn({ redis: where, role, reason }, 'lost Redis: live sync between instances paused')
  }
  client.on('error', (error: Error & { code?: string }) => lose(error.code ?? error.message))
  client.on('close', () => {
    if (client.status !== 'end') lose('connection closed')
  })
  client.on('ready', () => {
    if (lost) log.info({ redis: where, role }, 'Redis connection is back')
    lost = false
    onReady()
  })
}

/** Connects once with no retries, so a wrong or unreachable REDIS_URL stops start-up with one line. */
async function assertRedisReachable(url: string, where: string): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    connectTimeout: 5000,
  })
  let reason = ''
  probe.on('error', (error: Error & { code?: string }) => {
    reason ||= error.code ?? error.message
  })
  try {
    await probe.connect()
    await probe.ping()
  } catch (error) {
    const { code, message } = error as Error & { code?: string }
    throw new Error(`Redis at ${where} is not reachable (${reason || code || message}). Check REDIS_URL.`)
  } finally {
    probe.disconnect()
  }
}

/** redis://host:port/db with any user name and password left out, for logs and errors. */
function redactedRedisUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.hostname}:${parsed.port || 6379}${parsed.pathname === '/' ? '' : parsed.pathname}`
  } catch {
    return 'REDIS_URL'
  }
}
