/**
 * PDF export: the HTML report is loaded in a hidden window with JavaScript
 * disabled, in its own in-memory session that can load nothing but that one document, then
 * printed with `webContents.printToPDF`.
 */
import { BrowserWindow, session, type Session } from 'electron';
import { randomUUID } from 'node:crypto';
import type { PdfPrinter } from '../app-services/ports.js';
import { APP_SCHEME, REPORT_PRINT_HOST } from './app-origin.js';
import { REPORT_PRINT_CSP } from './csp.js';
import { installSessionSecurity } from './security.js';

/** Not `persist:`: the session lives in memory only, nothing of a report reaches the disk cache. */
export const PRINT_PARTITION = 'samlscope-report-print';

const documents = new Map<string, string>();
let prepared: Session | undefined;

/** Serves `app://report-print/<token>.html` from the in-memory map; everything else is refused. */
export function createPrintProtocolHandler(docs: ReadonlyMap<string, string>): (request: Request) => Response {
  return (request) => {
    const headers = { 'content-security-policy': REPORT_PRINT_CSP, 'x-content-type-options': 'nosniff' };
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Forbidden', { status: 403, headers });
    }
    const token = /^\/([0-9a-f-]{36})\.html$/.exec(url.pathname)?.[1];
    const html = url.hostname === REPORT_PRINT_HOST && token ? docs.get(token) : undefined;
    if (html === undefined) return new Response('Forbidden', { status: 403, headers });
    return new Response(html, { status: 200, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
  };
}

function printSession(): Session {
  if (prepared) return prepared;
  const ses = session.fromPartition(PRINT_PARTITION, { cache: false });
  installSessionSecurity(ses, REPORT_PRINT_CSP);
  ses.protocol.handle(APP_SCHEME, createPrintProtocolHandler(documents));
  prepared = ses;
  return ses;
}

export const printHtmlToPdf: PdfPrinter = async (html) => {
  const token = randomUUID();
  documents.set(token, html);
  const win = new BrowserWindow({
    show: false,
    // Spelled out in every window on purpose (not a shared spread): Electronegativity checks the literal
    // options of each BrowserWindow, and a reviewer sees each window's full security settings in one place.
    webPreferences: {
      session: printSession(),
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    },
  });
  try {
    await win.loadURL(`${APP_SCHEME}://${REPORT_PRINT_HOST}/${token}.html`);
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', margins: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 }, generateDocumentOutline: true });
    return new Uint8Array(pdf);
  } finally {
    documents.delete(token);
    win.destroy();
  }
};
