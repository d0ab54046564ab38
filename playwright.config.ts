import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import { E2E_ADMIN_KEY, E2E_PORT } from './tests/e2e/support/env.ts'

// Browser tests: the real server (Node 24 runs its TypeScript as is) on its own port and a fresh data
// directory, serving the built web app; Debian's Chromium, never a downloaded browser.
const PORT = E2E_PORT

// Workers load this file too; only the main process starts the server and needs the directory.
const dataDir = process.env.TEST_WORKER_INDEX ? '' : mkdtempSync(join(tmpdir(), 'co-assess-e2e-'))

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  // Budgets for a busy machine (CI shares its 2 cores): every wait is on an event or a condition, so a
  // larger budget costs nothing when the machine is quiet and stops a loaded one failing good work.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/playwright',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node apps/server/src/main.ts',
    env: {
      PORT: String(PORT),
      CO_ASSESS_DATA_DIR: dataDir,
      CO_ASSESS_ADMIN_KEY: E2E_ADMIN_KEY,
      CO_ASSESS_LOG_LEVEL: 'warn',
      // A developer can point the tests at another framework file's folder.
      ...(process.env.CO_ASSESS_RUBRIC_DIR ? { CO_ASSESS_RUBRIC_DIR: process.env.CO_ASSESS_RUBRIC_DIR } : {}),
    },
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
