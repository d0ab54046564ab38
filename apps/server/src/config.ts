import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'

const repoRoot = resolve(import.meta.dirname, '../../..')

const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  databaseUrl: z.string().url().optional(),
  redisUrl: z.string().url().optional(),
  adminKey: z.string().min(16, 'CO_ASSESS_ADMIN_KEY must be at least 16 characters').optional(),
  /** Origins allowed to open the sync WebSocket; empty means "the same host as the request". */
  allowedOrigins: z.array(z.string()),
  publicUrl: z.string().url().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  demo: z.boolean(),
  rubricDir: z.string(),
  webDist: z.string(),
  /** Largest WebSocket frame accepted, in bytes; a whole-board sync from a client fits well within it. */
  maxMessageBytes: z.coerce.number().int().min(1024),
  /** Messages one connection may send in 10 seconds before it is disconnected. */
  messagesPer10s: z.coerce.number().int().min(1),
  /** WebSocket upgrades one address may make per minute (bench runs from one address raise this). */
  upgradesPerMinute: z.coerce.number().int().min(1),
  httpRequestsPerMinute: z.coerce.number().int().min(1),
  /**
   * Longest an HTTP request may take, its storage calls included, before it is answered 503: a frozen
   * disk or a stuck database must give people a message, not a page that never loads.
   */
  requestTimeoutMs: z.coerce.number().int().min(100),
  /** Longest /api/ready waits for the store to take its probe write. */
  readyTimeoutMs: z.coerce.number().int().min(50),
  /**
   * Addresses of the reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, or
   * loopback / linklocal / uniquelocal). Empty means none: otherwise any client could name its own
   * address and walk round every per-address limit.
   */
  trustedProxies: z.array(z.string().min(1)),
  instanceId: z.string().min(1),
  /**
   * Seconds a board stays in memory after the last person leaves, so a returning room opens it as fast
   * as a live board; 0 unloads at once. Everything is stored before then either way.
   */
  keepWarmSeconds: z.coerce.number().min(0).max(86_400),
  /** Most boards kept warm at once; one more lets the oldest go (a finished board holds about 6.5 MB). */
  keepWarmMax: z.coerce.number().int().min(0),
  /** Staff sign-in through an OpenID Connect provider (Microsoft Entra ID, or any other); null: set-up and invite links only. */
  oidc: z
    .object({
      issuer: z.string().url("CO_ASSESS_OIDC_ISSUER must be the provider's issuer URL"),
      clientId: z.string().min(1, 'CO_ASSESS_OIDC_CLIENT_ID is required with CO_ASSESS_OIDC_ISSUER'),
      clientSecret: z.string().min(1, 'CO_ASSESS_OIDC_CLIENT_SECRET is required with CO_ASSESS_OIDC_ISSUER'),
      redirectUrl: z
        .string()
        .url("CO_ASSESS_OIDC_REDIRECT_URL must be this server's /api/staff/callback URL"),
    })
    .nullable(),
})
export type Config = z.infer<typeof configSchema>

/** Reads settings from the environment and command line; a bad setting stops start-up with a clear line. */
export function readConfig(argv = process.argv.slice(2), env = process.env): Config {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
    allowPositionals: false,
    strict: true,
  })
  const parsed = configSchema.safeParse({
    port: values.port ?? env.PORT ?? 4000,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir: resolve(values['data-dir'] ?? env.CO_ASSESS_DATA_DIR ?? resolve(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    adminKey: env.CO_ASSESS_ADMIN_KEY || undefined,
    allowedOrigins: (env.CO_ASSESS_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    publicUrl: env.CO_ASSESS_PUBLIC_URL || undefined,
    logLevel: env.CO_ASSESS_LOG_LEVEL ?? 'info',
    demo: values.demo ?? false,
    rubricDir: env.CO_ASSESS_RUBRIC_DIR ?? resolve(repoRoot, 'rubric'),
    webDist: env.CO_ASSESS_WEB_DIST ?? resolve(repoRoot, 'apps/web/dist'),
    maxMessageBytes: env.CO_ASSESS_MAX_MESSAGE_BYTES ?? 4 * 1024 * 1024,
    messagesPer10s: env.CO_ASSESS_MESSAGES_PER_10S ?? 2000,
    upgradesPerMinute: env.CO_ASSESS_UPGRADES_PER_MINUTE ?? 600,
    httpRequestsPerMinute: env.CO_ASSESS_HTTP_PER_MINUTE ?? 1200,
    requestTimeoutMs: env.CO_ASSESS_REQUEST_TIMEOUT_MS ?? 15_000,
    readyTimeoutMs: env.CO_ASSESS_READY_TIMEOUT_MS ?? 3000,
    trustedProxies: (env.CO_ASSESS_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    instanceId: env.CO_ASSESS_INSTANCE_ID ?? `${process.pid}`,
    keepWarmSeconds: env.CO_ASSESS_KEEP_WARM_SECONDS ?? 300,
    keepWarmMax: env.CO_ASSESS_KEEP_WARM_MAX ?? 20,
    oidc: env.CO_ASSESS_OIDC_ISSUER
      ? {
          issuer: env.CO_ASSESS_OIDC_ISSUER,
          clientId: env.CO_ASSESS_OIDC_CLIENT_ID ?? '',
          clientSecret: env.CO_ASSESS_OIDC_CLIENT_SECRET ?? '',
          redirectUrl: env.CO_ASSESS_OIDC_REDIRECT_URL ?? '',
        }
      : null,
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new Error(`Setting "${issue.path.join('.')}" is not valid: ${issue.message}`)
  }
  return parsed.data
}
