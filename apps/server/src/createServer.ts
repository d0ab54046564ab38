import { CLOSE_CODES, parseDocumentName } from '@co-assess/board-model'
import { type Framework, loadFrameworksFromDir } from '@co-assess/framework'
import { openStorageFromEnv, type Storage } from '@co-assess/storage'
import fastifyCookie from '@fastify/cookie'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifySwagger from '@fastify/swagger'
import { type Extension, Hocuspocus } from '@hocuspocus/server'
import Fastify, { type FastifyInstance } from 'fastify'
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod'
import pino, { type Logger } from 'pino'
import { deleteAssessmentEverywhere } from './assessments/deleteAssessment.ts'
import { ensureAdminKey } from './auth/adminKey.ts'
import { createTokenService, loadSigningKey } from './auth/tokens.ts'
import type { Config } from './config.ts'
import type { AppDeps } from './http/appDeps.ts'
import { installErrorHandler } from './http/errorHandler.ts'
import { createRequestAuth } from './http/requestAuth.ts'
import { installRequestDeadline } from './http/requestDeadline.ts'
import { responseSerializer } from './http/responseSerializer.ts'
import { assessmentRoutes } from './http/routes/assessmentRoutes.ts'
import { frameworkRoutes } from './http/routes/frameworkRoutes.ts'
import { healthRoutes } from './http/routes/healthRoutes.ts'
import { inviteRoutes } from './http/routes/inviteRoutes.ts'
import { moderationRoutes } from './http/routes/moderationRoutes.ts'
import { organisationOverviewRoutes } from './http/routes/organisationOverviewRoutes.ts'
import { organisationRoutes } from './http/routes/organisationRoutes.ts'
import { paperParticipationRoutes } from './http/routes/paperParticipationRoutes.ts'
import { peerReviewRoutes } from './http/routes/peerReviewRoutes.ts'
import { peoplesDataRoutes } from './http/routes/peoplesDataRoutes.ts'
import { reportRoutes } from './http/routes/reportRoutes.ts'
import { sessionFeedbackRoutes } from './http/routes/sessionFeedbackRoutes.ts'
import { staffAssessmentRoutes } from './http/routes/staffAssessmentRoutes.ts'
import { staffRoutes } from './http/routes/staffRoutes.ts'
import { serveWebApp } from './http/staticFiles.ts'
import { startRetentionSweep } from './retention/retentionSweep.ts'
import { attachToDefaultOrganisation, firstAdministratorLink } from './staff/firstStart.ts'
import { createOidcSignIn } from './staff/oidcSignIn.ts'
import { createStaffAuth } from './staff/staffAuth.ts'
import type { StaffDeps } from './staff/staffDeps.ts'
import { createStaffSessions } from './staff/staffSessions.ts'
import { startAccessSweep } from './sync/accessSweep.ts'
import { authExtension } from './sync/authExtension.ts'
import { awarenessExtension } from './sync/awarenessExtension.ts'
import { boardLifecycleExtension } from './sync/boardLifecycleExtension.ts'
import { keepWarmExtension } from './sync/keepWarmExtension.ts'
import { limitsExtension } from './sync/limitsExtension.ts'
import { migrationExtension } from './sync/migrationExtension.ts'
import { persistenceExtension } from './sync/persistenceExtension.ts'
import { PresenceOwners } from './sync/presenceOwners.ts'
import { presenceRenewals } from './sync/presenceRenewals.ts'
import { redisExtension } from './sync/redisExtension.ts'
import { handleUpgrades } from './sync/upgradeHandler.ts'
import { wholeStateReplyExtension } from './sync/wholeStateReplyExtension.ts'
import { writeGate } from './sync/writeGate.ts'

export interface CoAssessServer {
  app: FastifyInstance
  hocuspocus: Hocuspocus
  storage: Storage
  frameworks: ReadonlyMap<string, Framework>
  deps: AppDeps
  /** The generated admin key on a first start without CO_ASSESS_ADMIN_KEY; print it once. */
  adminKeyToPrint: string | null
  /** On the store's first start, the path of the one-time link that makes the first administrator; print it once. */
  setupLinkToPrint: string | null
  listen(): Promise<string>
  /** Runs the periodic check of open connections now, as if the clock read `at` (tests, operators). */
  sweepAccess(at?: number): Promise<number>
  /** Runs the periodic retention sweep now, as if the clock read `at`; returns the assessments deleted. */
  sweepRetention(at?: number): Promise<string[]>
  /** Names of the documents kept in memory after their last person left, oldest first (tests, operators). */
  warmDocuments(): string[]
  close(): Promise<void>
}

/** Composes the store, the sync server and the HTTP API on one port. Hooks only translate; the rules live in the packages. */
export async function createServer(
  config: Config,
  log: Logger = pino({ level: config.logLevel }),
): Promise<CoAssessServer> {
  const frameworkList = await loadFrameworksFromDir(config.rubricDir)
  const frameworks = new Map(frameworkList.map((f) => [f.id, f]))
  const storage = await openStorageFromEnv({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    logger: log,
  })
  const { printOnce } = await ensureAdminKey(storage.metadata, config.adminKey)
  const signingKey = await loadSigningKey(storage.metadata, process.env.CO_ASSESS_TOKEN_SECRET)
  const tokens = createTokenService(signingKey)
  await attachToDefaultOrganisation(storage.metadata)
  const setupLinkToPrint = await firstAdministratorLink(storage.metadata)
  const staffSessions = createStaffSessions(signingKey)
  const staff: StaffDeps = {
    sessions: staffSessions,
    auth: createStaffAuth({ sessions: staffSessions, metadata: storage.metadata }),
    oidc: config.oidc ? createOidcSignIn(config.oidc) : null,
  }

  const persistence = persistenceExtension({ documents: storage.documents, log })
  let hocuspocusRef: Hocuspocus | null = null
  const lifecycle = boardLifecycleExtension({
    documents: storage.documents,
    log,
    hocuspocus: () => hocuspocusRef!,
    flush: (name) => persistence.flush(name),
  })
  const isBoard = (name: string) => parseDocumentName(name)?.kind === 'board'
  const keepWarm = keepWarmExtension({
    seconds: config.keepWarmSeconds,
    max: config.keepWarmMax,
    keeps: isBoard,
    hocuspocus: () => hocuspocusRef!,
  })
  const presence = new PresenceOwners()
  const sharedSync = config.redisUrl
    ? await redisExtension({ config, documents: storage.documents, log })
    : null
  const extensions = [
    limitsExtension({ messagesPer10s: config.messagesPer10s, log }),
    authExtension({ tokens, metadata: storage.metadata, frameworks, log }),
    writeGate({
      documents: storage.documents,
      presence,
      log,
      catchUp: sharedSync ? (name, document) => sharedSync.catchUpFromStore(name, document) : undefined,
    }),
    persistence,
    migrationExtension({ log }),
    awarenessExtension({ presence }),
    presenceRenewals(),
    lifecycle,
    keepWarm,
    wholeStateReplyExtension({ caches: isBoard }),
  ]
  const extraExtensions: Extension[] = sharedSync ? [sharedSync] : []
  const hocuspocus = new Hocuspocus({
    name: config.instanceId,
    quiet: true,
    debounce: 2000,
    maxDebounce: 10_000,
    // Before a connection has proved who it is, it may queue little: one board's sync, a few documents.
    maxUnauthenticatedQueueSize: config.maxMessageBytes,
    maxUnauthenticatedQueueMessages: 100,
    maxPendingDocuments: 8,
    timeout: 30_000,
    extensions: [...extensions, ...extraExtensions],
  })
  hocuspocusRef = hocuspocus
  const accessSweep = startAccessSweep({ hocuspocus, metadata: storage.metadata, log })

  // Typed as the plain instance: routes get zod typing through FastifyPluginAsyncZod.
  const app = Fastify({
    loggerInstance: log,
    bodyLimit: 256 * 1024,
    // Only a configured proxy's X-Forwarded-For names the client; see config.trustedProxies.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
  }) as unknown as FastifyInstance
  app.setValidatorCompiler(validatorCompiler)
  // Answers leave only as their contract declares (packages/api-contract); the tests make a field it does not declare an error.
  app.setSerializerCompiler(responseSerializer(process.env.CO_ASSESS_STRICT_RESPONSES === '1'))
  installErrorHandler(app)
  installRequestDeadline(app, config.requestTimeoutMs)
  await app.register(fastifyCookie)
  // The limit guards the API. The web app's own files (the page, its scripts and styles) are static, and
  // a room behind one address (a venue's wifi) fetches them all at once as people join: not counted.
  await app.register(fastifyRateLimit, {
    max: config.httpRequestsPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => !request.url.startsWith('/api/'),
  })
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Co-assess API',
        version: '0.1.0',
        description: 'Assessments, invites and joining. Generated from packages/api-contract.',
      },
    },
    transform: jsonSchemaTransform,
  })

  const deps: AppDeps = {
    config,
    storage,
    frameworks,
    tokens,
    auth: createRequestAuth({ tokens, metadata: storage.metadata }),
    hocuspocus,
    flush: (name) => persistence.flush(name),
    unloadDocument: (document) => keepWarm.unload(document),
    closeInviteConnections: (inviteId) => accessSweep.closeInvite(inviteId),
    log,
  }
  const retentionSweep = startRetentionSweep({
    storage,
    hocuspocus,
    log,
    deleteAssessment: (id) =>
      deleteAssessmentEverywhere(
        {
          storage,
          hocuspocus,
          flush: (name) => persistence.flush(name),
          unloadDocument: (document) => keepWarm.unload(document),
          log,
        },
        id,
      ),
  })
  await app.register(healthRoutes(deps))
  await app.register(frameworkRoutes(deps))
  await app.register(assessmentRoutes(deps))
  await app.register(inviteRoutes(deps))
  await app.register(reportRoutes(deps))
  await app.register(staffRoutes(deps, staff))
  await app.register(organisationRoutes(deps, staff))
  await app.register(organisationOverviewRoutes(deps, staff))
  await app.register(staffAssessmentRoutes(deps, staff))
  await app.register(peoplesDataRoutes(deps))
  await app.register(paperParticipationRoutes(deps))
  await app.register(sessionFeedbackRoutes(deps))
  await app.register(moderationRoutes(deps))
  await app.register(peerReviewRoutes(deps))
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  await serveWebApp(app, config.webDist)

  let closed = false
  const upgrades = handleUpgrades(app.server, { config, hocuspocus, log })

  return {
    app,
    hocuspocus,
    storage,
    frameworks,
    deps,
    adminKeyToPrint: printOnce,
    setupLinkToPrint,
    sweepAccess: (at) => accessSweep.sweep(at),
    sweepRetention: (at) => retentionSweep.sweep(at),
    warmDocuments: () => keepWarm.warmNames(),
    async listen() {
      return app.listen({ port: config.port, host: config.host })
    },
    async close() {
      if (closed) return
      closed = true
      accessSweep.stop()
      retentionSweep.stop()
      // Stop taking work, let in-flight hooks finish, store every document, then close the store.
      upgrades.shutDown(CLOSE_CODES.goingAway, 'The server is restarting. Reconnecting shortly.')
      await lifecycle.settled()
      keepWarm.stop()
      hocuspocus.flushPendingStores()
      // A write the store refused is reported by flush; closing goes on, and unloading each document
      // stores a snapshot that carries it if the store has recovered.
      const reportUnsaved = (error: unknown) => log.error({ err: error }, 'a server write is not stored')
      await persistence.flush().catch(reportUnsaved)
      for (const document of hocuspocus.documents.values()) await hocuspocus.unloadDocument(document)
      await persistence.flush().catch(reportUnsaved)
      await app.close()
      for (const extension of extraExtensions) await extension.onDestroy?.({ instance: hocuspocus })
      await storage.close()
    },
  }
}
