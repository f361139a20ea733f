/**
 * Electron main: wiring only. Security policy, protocol, IPC, menus, storage and services live in
 * their own files; this file creates them in the right order.
 *
 * Order matters: the app:// scheme is registered and the single-instance lock and `open-file` are
 * taken before `ready`; session security and the protocol handler are installed before the window
 * loads anything.
 */
import { app, BrowserWindow, ipcMain, Menu, nativeTheme, safeStorage, session } from 'electron';
import path from 'node:path';
import { createAppServices, type AppServices } from '../app-services/app-services.js';
import { nodeFileAccess } from '../app-services/node-file-access.js';
import type { EventSink } from '../app-services/ports.js';
import type { Settings } from '../ipc/contract.js';
import { registerAppScheme, serveRendererFrom } from './app-protocol.js';
import { APP_CSP } from './csp.js';
import { createElectronCaptureHost } from './capture-host.js';
import { isCaptureWebContents } from './capture-window.js';
import { createElectronDialogs } from './dialogs.js';
import { HELP_LINKS } from './external-links.js';
import { registerIpcHandlers } from './ipc-registration.js';
import { createMainWindow, loadWorkspace } from './main-window.js';
import { createMenuActions } from './menu-actions.js';
import { buildMenuTemplate } from './menu-template.js';
import { filesFromArgv, OpenRequestQueue, setupSingleInstance } from './open-requests.js';
import { openInBrowser } from './open-external.js';
import { printHtmlToPdf } from './pdf-printer.js';
import { createSafeStorageSecretStore } from './secret-store.js';
import { hardenWebContents, installSessionSecurity } from './security.js';

const isDev = !app.isPackaged;
let mainWindow: BrowserWindow | null = null;
const openQueue = new OpenRequestQueue();

registerAppScheme();

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

const emit: EventSink = (event, payload) => {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
};

function installMenu(services: AppServices): void {
  const actions = createMenuActions({
    services,
    emit,
    webContents: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
    showAbout: () => app.showAboutPanel(),
    openInBrowser,
  });
  const template = buildMenuTemplate(actions, {
    platform: process.platform,
    isDev,
    presentationMode: services.settings().presentationMode,
    appName: app.getName(),
    helpLinks: [
      { label: 'Atlassian: JIT user provisioning', url: HELP_LINKS.atlassianJit },
      { label: 'resolution SAML SSO: troubleshooting', url: HELP_LINKS.resolutionTroubleshooting },
    ],
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function applySettings(settings: Settings, services: AppServices): void {
  nativeTheme.themeSource = settings.theme;
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.setZoomFactor(settings.zoomFactor);
  emit('settings:changed', settings);
  installMenu(services); // the Presentation Mode checkbox follows the setting
}

async function openWindow(services: AppServices): Promise<void> {
  const settings = services.settings();
  nativeTheme.themeSource = settings.theme;
  mainWindow = createMainWindow({
    preloadPath: path.join(__dirname, 'preload.cjs'),
    zoomFactor: settings.zoomFactor,
    devTools: isDev,
    dark: nativeTheme.shouldUseDarkColors,
    // Packaged builds get their icon from the OS integration electron-builder installs.
    ...(isDev ? { iconPath: path.join(app.getAppPath(), 'assets/build/icons/256x256.png') } : {}),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await loadWorkspace(mainWindow);
}

async function start(): Promise<void> {
  installSessionSecurity(session.defaultSession, APP_CSP);
  serveRendererFrom(session.defaultSession, path.join(__dirname, '..', 'renderer'));
  app.setAboutPanelOptions({ applicationName: 'samlscope', applicationVersion: app.getVersion(), copyright: 'samlscope contributors' });

  const userData = app.getPath('userData');
  const services: AppServices = await createAppServices({
    fs: nodeFileAccess,
    dialogs: createElectronDialogs(() => mainWindow),
    printPdf: printHtmlToPdf,
    secrets: createSafeStorageSecretStore({ safeStorage, platform: process.platform, fs: nodeFileAccess, file: path.join(userData, 'secrets.json') }),
    emit,
    clock: () => new Date(),
    paths: { userData, assets: path.join(app.getAppPath(), 'assets') },
    appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform, electron: process.versions.electron, chrome: process.versions.chrome },
    env: { ...process.env },
    // Runs only on later settings changes, never while the services are being created.
    onSettingsChanged: (settings) => applySettings(settings, services),
    // The login capture window, a child of the workspace window.
    capture: createElectronCaptureHost(() => mainWindow),
  });
  registerIpcHandlers(ipcMain, services.handlers);
  installMenu(services);
  await openWindow(services);
  // Files from the command line, the OS or later instances, once the renderer can receive them.
  openQueue.attach((file) => {
    services.openPath(file).catch((error: unknown) => emit('app:error', { title: `Could not open ${path.basename(file)}`, message: error instanceof Error ? error.message : String(error) }));
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(services);
  });
}

if (setupSingleInstance(app, openQueue, focusWindow)) {
  for (const file of filesFromArgv(process.argv, process.cwd())) openQueue.push(file);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { openInBrowser, mayBrowseExternally: isCaptureWebContents }));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('samlscope could not start:', error);
    app.quit();
  });
}
