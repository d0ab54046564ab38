import { StorageUnavailableError } from '../storageUnavailableError.ts'
import { type ConnectionTarget, hostAndPort } from './connectionTarget.ts'

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name could not be resolved',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
}

const SERVER_REASONS: Record<string, string> = {
  '28P01': 'the password was refused',
  '28000': 'the login was refused',
  '3D000': 'the database does not exist',
  '57P03': 'the server is starting up or shutting down',
  '53300': 'the server has too many connections',
  '57P01': 'the server shut the connection down',
}

/**
 * The StorageUnavailableError for an error that means the database cannot be used at all, or
 * undefined for an ordinary query error. The message names host and port, never the password.
 */
export function unavailableError(
  error: unknown,
  target: ConnectionTarget,
): StorageUnavailableError | undefined {
  const reason = reasonFor(error)
  if (!reason) return undefined
  return new StorageUnavailableError(
    `Cannot reach PostgreSQL at ${hostAndPort(target)}: ${reason}. Check DATABASE_URL.`,
    { cause: error },
  )
}

function reasonFor(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  const code = errorCode(error)
  if (code && code in NETWORK_REASONS) return NETWORK_REASONS[code]
  if (code && code in SERVER_REASONS) {
    return code === '3D000' || code === '28000'
      ? `${SERVER_REASONS[code]} (${error.message})`
      : SERVER_REASONS[code]
  }
  if (/timeout exceeded when trying to connect/i.test(error.message)) return 'connection timed out'
  if (/Connection terminated/i.test(error.message)) return 'the connection was closed'
  return undefined
}

/** Node reports a refused dual-stack connect as an AggregateError whose parts carry the code. */
function errorCode(error: Error): string | undefined {
  const own = (error as { code?: unknown }).code
  if (typeof own === 'string') return own
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const code = (inner as { code?: unknown }).code
      if (typeof code === 'string') return code
    }
  }
  return undefined
}
