import { ApiError } from '../api/apiFetch.ts'
import { refreshAccess } from '../api/endpoints.ts'
import { clearSession, loadSession, type StoredSession, saveSession } from './storedSession.ts'
import { msUntilRefresh } from './tokenTiming.ts'

/** Thrown when the device can no longer get a token: the refresh token expired or the invite was withdrawn. */
export class SignedOutError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SignedOutError'
  }
}

/**
 * Keeps one assessment's access token fresh: refreshes ahead of expiry, on demand after a 401, and
 * only once at a time however many callers ask.
 */
export class SessionKeeper {
  private session: StoredSession
  private refreshing: Promise<string> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly listeners = new Set<(session: StoredSession | null, reason?: string) => void>()

  private readonly storage: Storage

  constructor(session: StoredSession, storage: Storage) {
    this.session = session
    this.storage = storage
    this.schedule()
  }

  static open(storage: Storage, assessmentId: string): SessionKeeper | null {
    const session = loadSession(storage, assessmentId)
    return session ? new SessionKeeper(session, storage) : null
  }

  get current(): StoredSession {
    return this.session
  }

  onChange(listener: (session: StoredSession | null, reason?: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** A token good for a while yet, refreshing first when it is close to expiry. */
  async token(): Promise<string> {
    if (msUntilRefresh(this.session.expiresAt, Date.now()) > 0) return this.session.token
    return this.refresh()
  }

  refresh(): Promise<string> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null
    })
    return this.refreshing
  }

  private async doRefresh(): Promise<string> {
    try {
      const fresh = await refreshAccess(this.session.refreshToken)
      this.session = { ...this.session, token: fresh.token, expiresAt: fresh.expiresAt }
      saveSession(this.storage, this.session)
      this.schedule()
      for (const listener of this.listeners) listener(this.session)
      return fresh.token
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.status === 401 || error.status === 403 || error.status === 410)
      ) {
        this.signOut(error.message)
        throw new SignedOutError(error.message)
      }
      throw error
    }
  }

  signOut(reason: string): void {
    clearSession(this.storage, this.session.assessmentId)
    this.stop()
    for (const listener of this.listeners) listener(null, reason)
  }

  private schedule() {
    if (this.timer) clearTimeout(this.timer)
    // setTimeout overflows past ~24.8 days; tokens are hours long, but cap it anyway.
    const wait = Math.min(msUntilRefresh(this.session.expiresAt, Date.now()), 2 ** 31 - 1)
    this.timer = setTimeout(() => {
      this.refresh().catch(() => {
        // Offline: the next token() call or reconnect tries again.
      })
    }, wait)
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
