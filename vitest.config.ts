import { defineConfig } from 'vitest/config';
import { CHROMIUM_HINT, CHROMIUM_PATH, chromiumPresent, isCi } from './tests/support/chromium.js';

// One configuration, three projects: `npm test` runs them all; `vitest run --project <name>` runs one.
//   unit         unit and integration tests (tests/**, without e2e and conformance)
//   conformance  the shared conformance corpus (../shared/corpus; says so and passes where it is absent)
//   e2e          Debian's Chromium and real HTTP servers on 127.0.0.1, one file at a time
//
// Without Chromium, outside CI, the e2e files are left out with one line saying why; with CI set,
// they run and a missing browser fails (tests/support/require-chromium.ts).
const skipEndToEnd = !chromiumPresent() && !isCi();
if (skipEndToEnd) console.log(`e2e tests skipped: no Chromium at ${CHROMIUM_PATH}; ${CHROMIUM_HINT} (with CI=true this is a failure).`);

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    passWithNoTests: skipEndToEnd,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', 'tests/conformance/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['tests/conformance/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: skipEndToEnd ? [] : ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./tests/support/require-chromium.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
