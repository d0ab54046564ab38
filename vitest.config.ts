import { defineConfig } from 'vitest/config'

// Unit tests sit beside the code they test; tests/integration holds what crosses packages.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
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
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // Integration tests start real servers and child processes: run files one at a time on 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
})
