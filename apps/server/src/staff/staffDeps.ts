import type { OidcSignIn } from './oidcSignIn.ts'
import type { StaffAuth } from './staffAuth.ts'
import type { StaffSessions } from './staffSessions.ts'

/** What the staff routes need beside AppDeps: sessions, the staff boundary and, if configured, the provider. */
export interface StaffDeps {
  sessions: StaffSessions
  auth: StaffAuth
  /** Null when no OpenID Connect provider is configured: staff then join by link with their name. */
  oidc: OidcSignIn | null
}
