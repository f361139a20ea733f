import { defineConfig } from 'vitest/config';
import { CHROMIUM_HINT, CHROMIUM_PATH, chromiumPresent, isCi } from './tests/support/chromium.js';
import { ELECTRON_HINT, electronBinary } from './tests/support/electron-binary.js';

// One configuration, five projects: `npm test` runs them all; `vitest run --project <name>` runs one.
//   unit         unit and integration tests (tests/**, without e2e, conformance, interop and smoke)
//   conformance  the shared conformance corpus (../shared/corpus; says so and passes where it is absent)
//   e2e          Debian's Chromium and real HTTP servers on 127.0.0.1, one file at a time
//   interop      real SAML implementations from Debian packages (pysaml2, Lasso, xmlsec1, SimpleSAMLphp,
//                Apache mod_auth_mellon) on 127.0.0.1; each case skips with its reason where a package is
//                missing, and fails instead with CI set (.ci/run installs them)
//   smoke        the built desktop app under a real Electron (docs/release.md); skipped with one line
//                where no Electron binary is present
//
// Without Chromium, outside CI, the e2e files are left out with one line saying why; with CI set,
// they run and a missing browser fails (tests/support/require-chromium.ts).
const skipEndToEnd = !chromiumPresent() && !isCi();
if (skipEndToEnd) console.log(`e2e tests skipped: no Chromium at ${CHROMIUM_PATH}; ${CHROMIUM_HINT} (with CI=true this is a failure).`);
const skipSmoke = electronBinary() === undefined;
if (skipSmoke) console.log(`Electron smoke test skipped: no Electron binary; ${ELECTRON_HINT}.`);

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    passWithNoTests: skipEndToEnd || skipSmoke,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', 'tests/conformance/**', 'tests/interop/**', 'tests/smoke/**', 'node_modules/**'],
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
          // After the unit tests, so browser timings are not taken on cores the unit tests hold.
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'interop',
          include: ['tests/interop/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
          // After the browser tests, not beside them: both start servers and Chromium on two cores.
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'smoke',
          include: skipSmoke ? [] : ['tests/smoke/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
