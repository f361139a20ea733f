import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The Chromium the end-to-end tests drive: `CHROMIUM_PATH`, else Debian's package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How to get the browser, said once wherever it is missing. */
export const CHROMIUM_HINT = `install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu) or point CHROMIUM_PATH at a Chromium or Chrome binary`;

/** True when a CI run is asking for every test: then a missing browser is a failure, not a skip. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

export function chromiumPresent(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Headless, and quiet: no background traffic, so a test can insist that a page fetched only what it asked for. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The browser every end-to-end, interop and UI bench run drives. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
