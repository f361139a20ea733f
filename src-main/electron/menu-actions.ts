/**
 * What each menu item does: app-service calls and renderer events. Failures become an `app:error`
 * event (the renderer shows it) instead of an unhandled rejection in main.
 */
import type { AppServices } from '../app-services/app-services.js';
import type { EventSink } from '../app-services/ports.js';
import { isAllowedExternalUrl } from './external-links.js';
import type { MenuActions } from './menu-template.js';

export interface MenuActionDeps {
  services: AppServices;
  emit: EventSink;
  /** The workspace window's webContents, when open. */
  webContents: () => { toggleDevTools(): void } | null;
  showAbout: () => void;
  /** Opens an allow-listed link in the OS browser (open-external.ts). */
  openInBrowser: (url: string) => void;
}

export function createMenuActions(deps: MenuActionDeps): MenuActions {
  const { services, emit } = deps;
  const run = (title: string, task: () => Promise<unknown>): void => {
    task().catch((error: unknown) => emit('app:error', { title, message: error instanceof Error ? error.message : String(error) }));
  };
  return {
    openFile: () =>
      run('Could not open the file', async () => {
        const outcome = await services.handlers['workspace:open-file']({});
        if (!outcome.cancelled) emit('workspace:updated', outcome.workspace);
      }),
    // The renderer starts it, as its toolbar button does: it picks the target profile or asks for a URL.
    captureLogin: () => emit('menu:capture', {}),
    openDemo: () => run('Could not open the demo case', async () => emit('workspace:updated', await services.handlers['workspace:open-demo']({}))),
    saveWorkspace: () => run('Could not save the workspace', () => services.handlers['workspace:save']({})),
    exportReport: (format) => emit('menu:export', { format }),
    importProfile: () => run('Could not import the target profile', () => services.handlers['profiles:import']({})),
    focusInput: () => emit('menu:focus-input', {}),
    togglePresentation: () =>
      run('Could not switch presentation mode', async () => {
        const settings = await services.togglePresentation();
        emit('menu:toggle-presentation', { presentationMode: settings.presentationMode });
      }),
    zoom: (direction) => run('Could not change the zoom', () => services.adjustZoom(direction)),
    toggleDevTools: () => deps.webContents()?.toggleDevTools(),
    showAbout: () => deps.showAbout(),
    openLink: (url) => {
      if (isAllowedExternalUrl(url)) deps.openInBrowser(url);
    },
  };
}
