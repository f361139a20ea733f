import { defineConfig } from 'vitest/config';

// Interop tests run real SAML implementations from Debian packages (pysaml2, Lasso, xmlsec1, SimpleSAMLphp,
// Apache mod_auth_mellon, Chromium); one file at a time, since some start servers on loopback ports.
export default defineConfig({
  test: {
    include: ['tests/interop/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', './tests/support/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
