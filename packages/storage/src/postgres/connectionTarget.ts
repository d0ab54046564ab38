/**
 * Where a connection string points, for messages and logs: host, port, database and user, never the
 * password. Anything unparsable is described vaguely rather than echoed back.
 */
export interface ConnectionTarget {
  host: string
  port: string
  database: string
  user: string
}

export function connectionTarget(connectionString: string): ConnectionTarget {
  try {
    const url = new URL(connectionString)
    const hostParam = url.searchParams.get('host')
    return {
      host: decodeURIComponent(url.hostname) || hostParam || 'localhost',
      port: url.port || '5432',
      database:
        decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username) || 'postgres',
      user: decodeURIComponent(url.username) || 'the default user',
    }
  } catch {
    return { host: 'the host in DATABASE_URL', port: '', database: 'the database in DATABASE_URL', user: '' }
  }
}

export function hostAndPort(target: ConnectionTarget): string {
  return target.port ? `${target.host}:${target.port}` : target.host
}
