import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium and real HTTP servers on 127.0.0.1; they run one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', './tests/support/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
