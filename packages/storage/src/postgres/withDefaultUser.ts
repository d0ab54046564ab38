import { userInfo } from 'node:os'

/**
 * psql and libpq log in as the operating-system user when the URL names none; node-postgres reads
 * $USER instead, which is unset in many containers and CI jobs. Fill the OS user in so that
 * `postgres://127.0.0.1:5432/db` means the same here as it does to psql.
 */
export function withDefaultUser(connectionString: string): string {
  if (process.env.PGUSER || process.env.USER) return connectionString
  try {
    const url = new URL(connectionString)
    if (url.username || !url.hostname) return connectionString
    url.username = encodeURIComponent(userInfo().username)
    return url.toString()
  } catch {
    return connectionString
  }
}
