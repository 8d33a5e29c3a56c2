import { defineConfig } from 'vitest/config'

/**
 * One command, three kinds of test, named by file: *.test.ts (unit, fast, no database),
 * *.int.test.ts (Payload on a throwaway SQLite file) and *.e2e.test.ts (a built site or a running
 * CMS driven in Chromium or over HTTP). Integration and browser suites share expensive fixtures
 * (a seeded database, a built site) through tests/helpers, built once per run in globalSetup.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'cms/**/*.test.ts', 'site/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.e2e.test.ts', '**/node_modules/**', '**/.next/**'],
        },
      },
      {
        test: {
          name: 'int',
          include: ['tests/int/**/*.int.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file boots Payload on its own database file; two at a time suits a 2-core machine.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/helpers/running-cms.setup.ts', 'tests/helpers/built-site.setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          maxWorkers: 2,
        },
      },
    ],
  },
})
