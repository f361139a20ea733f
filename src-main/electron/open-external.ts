/**
 * The app's only call of `shell.openExternal` (security checklist #15), behind the allow-list:
 * https documentation links only. Everything that wants to open a browser goes through here.
 */
import { shell } from 'electron';
import { isAllowedExternalUrl } from './external-links.js';

export function openInBrowser(url: string): void {
  if (!isAllowedExternalUrl(url)) return;
  shell.openExternal(url).catch(() => {
    // No browser configured: nothing to do; the link text is visible in the app.
  });
}
