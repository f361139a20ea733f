import { defineConfig } from 'vitest/config';

// The public conformance corpus (../shared/corpus): 69 real fixtures from five SAML projects.
export default defineConfig({
  test: {
    include: ['tests/conformance/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', './tests/support/summary-reporter.ts'],
    testTimeout: 60_000,
    passWithNoTests: true,
  },
});
