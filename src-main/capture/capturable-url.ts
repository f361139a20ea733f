/**
 * Which URLs the login capture window may open: http(s) login pages only, never file:, javascript:
 * or app URLs. Shared by the IPC validator, the app-services and the Electron window (no electron import).
 */
export function isCapturableUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
