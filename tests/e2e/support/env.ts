/** The browser tests' server: its port and admin key (a test-only key, never used elsewhere). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4179)
export const E2E_ADMIN_KEY = 'e2e-admin-key-0123456789'
