import { defineConfig } from 'vitest/config'

// Unit tests sit beside the code they test; tests/integration holds what crosses packages.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Some unit tests do real work (a 20,000-level note, a property test of the write gate):
          // room for a machine busy with other work, never a time asserted.
          testTimeout: 60_000,
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // A server under test refuses to send a field its response schema does not declare (apps/server/src/http/responseSerializer.ts).
          env: { CO_ASSESS_STRICT_RESPONSES: '1' },
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // Integration tests start real servers and child processes: run files one at a time on 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
})
