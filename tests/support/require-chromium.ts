import { CHROMIUM_HINT, CHROMIUM_PATH, chromiumPresent } from './chromium.js';

/**
 * Global setup of the e2e project. vitest.config.ts leaves the e2e files out when Chromium is missing
 * outside CI; when they do run (CI, or the browser is present), a missing browser fails here with the
 * reason instead of three launch errors.
 */
export default function requireChromium(): void {
  if (!chromiumPresent()) throw new Error(`end-to-end tests need Chromium at ${CHROMIUM_PATH}: ${CHROMIUM_HINT}`);
}
