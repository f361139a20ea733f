import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AppServices } from '../../../src-main/app-services/app-services.js';
import { createMenuActions } from '../../../src-main/electron/menu-actions.js';
import { buildMenuTemplate, PRESENTATION_ACCELERATOR, type MenuActions } from '../../../src-main/electron/menu-template.js';
import { DEFAULT_SETTINGS, type EventName, type WorkspaceResult } from '../../../src-main/ipc/contract.js';

function fakeActions(): MenuActions & Record<string, ReturnType<typeof vi.fn>> {
  const names = ['openFile', 'captureLogin', 'openDemo', 'saveWorkspace', 'exportReport', 'importProfile', 'focusInput', 'togglePresentation', 'zoom', 'toggleDevTools', 'showAbout', 'openLink'];
  return Object.fromEntries(names.map((n) => [n, vi.fn()])) as never;
}

const ctx = { platform: 'linux', isDev: false, presentationMode: false, appName: 'samlscope', helpLinks: [{ label: 'Atlassian JIT', url: 'https://confluence.atlassian.com/x' }] };

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}
function byId(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = flatten(items).find((i) => i.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}
function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('menu template', () => {
  it('has File, Edit, View and Help with the documented items', () => {
    const template = buildMenuTemplate(fakeActions(), ctx);
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = template[0]!.submenu as MenuItemConstructorOptions[];
    expect(file.map((i) => i.label ?? i.role ?? i.type)).toEqual(['Open…', 'Capture Login…', 'Open Demo Case', 'Import Target Profile…', 'separator', 'Save Workspace…', 'Export Report', 'separator', 'Quit']);
    expect((byId(template, 'export').submenu as MenuItemConstructorOptions[]).map((i) => i.label)).toEqual(['HTML…', 'Markdown…', 'JSON…', 'PDF…']);
    const editRoles = (template[1]!.submenu as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean);
    expect(editRoles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    const presentation = byId(template, 'presentation');
    expect(presentation).toMatchObject({ type: 'checkbox', checked: false, accelerator: PRESENTATION_ACCELERATOR });
    expect(PRESENTATION_ACCELERATOR).toBe('CmdOrCtrl+Shift+P');
    for (const id of ['zoom-in', 'zoom-out', 'zoom-reset', 'about', 'help-link-0']) expect(byId(template, id)).toBeDefined();
  });

  it('offers developer tools and reload only in development builds', () => {
    const release = flatten(buildMenuTemplate(fakeActions(), ctx));
    expect(release.some((i) => i.id === 'devtools' || i.role === 'reload' || i.role === 'toggleDevTools')).toBe(false);
    const dev = flatten(buildMenuTemplate(fakeActions(), { ...ctx, isDev: true }));
    expect(dev.some((i) => i.id === 'devtools')).toBe(true);
  });

  it('follows macOS conventions: app menu with About and Quit, Window menu', () => {
    const template = buildMenuTemplate(fakeActions(), { ...ctx, platform: 'darwin' });
    expect(template[0]!.label).toBe('samlscope');
    const appItems = template[0]!.submenu as MenuItemConstructorOptions[];
    expect(appItems.some((i) => i.role === 'quit')).toBe(true);
    expect(appItems.some((i) => i.id === 'about')).toBe(true);
    expect(template.some((m) => m.role === 'windowMenu')).toBe(true);
  });

  it('shows the presentation mode state as the checkbox', () => {
    expect(byId(buildMenuTemplate(fakeActions(), { ...ctx, presentationMode: true }), 'presentation').checked).toBe(true);
  });

  it('wires every item to its action', () => {
    const actions = fakeActions();
    const template = buildMenuTemplate(actions, { ...ctx, isDev: true });
    const expectations: Array<[string, string, unknown[]]> = [
      ['open', 'openFile', []],
      ['capture-login', 'captureLogin', []],
      ['open-demo', 'openDemo', []],
      ['import-profile', 'importProfile', []],
      ['save-workspace', 'saveWorkspace', []],
      ['export-html', 'exportReport', ['html']],
      ['export-md', 'exportReport', ['md']],
      ['export-json', 'exportReport', ['json']],
      ['export-pdf', 'exportReport', ['pdf']],
      ['focus-input', 'focusInput', []],
      ['presentation', 'togglePresentation', []],
      ['zoom-in', 'zoom', ['in']],
      ['zoom-out', 'zoom', ['out']],
      ['zoom-reset', 'zoom', ['reset']],
      ['devtools', 'toggleDevTools', []],
      ['about', 'showAbout', []],
      ['help-link-0', 'openLink', ['https://confluence.atlassian.com/x']],
    ];
    for (const [id, action, args] of expectations) {
      actions[action]!.mockClear();
      click(byId(template, id));
      expect(actions[action], id).toHaveBeenCalledWith(...args);
    }
  });
});

describe('menu actions', () => {
  const workspace = { title: 'x' } as WorkspaceResult;
  function setup(overrides: Partial<Record<string, (...args: unknown[]) => Promise<unknown>>> = {}) {
    const events: Array<[EventName, unknown]> = [];
    const handlers = {
      'workspace:open-file': vi.fn(async () => ({ cancelled: false, workspace })),
      'workspace:open-demo': vi.fn(async () => workspace),
      'workspace:save': vi.fn(async () => ({ cancelled: true })),
      'profiles:import': vi.fn(async () => ({ cancelled: true })),
      ...overrides,
    };
    const services = {
      handlers,
      togglePresentation: vi.fn(async () => ({ ...DEFAULT_SETTINGS, presentationMode: true })),
      adjustZoom: vi.fn(async () => DEFAULT_SETTINGS),
    } as unknown as AppServices;
    const devTools = { toggleDevTools: vi.fn() };
    const openExternal = vi.fn();
    const showAbout = vi.fn();
    const actions = createMenuActions({ services, emit: (e, p) => void events.push([e, p]), webContents: () => devTools, showAbout, openInBrowser: openExternal });
    const settle = () => new Promise((r) => setTimeout(r, 0));
    return { actions, events, handlers, services, devTools, openExternal, showAbout, settle };
  }

  it('File → Open runs the open dialog service and shows the result', async () => {
    const s = setup();
    s.actions.openFile();
    await s.settle();
    expect(s.handlers['workspace:open-file']).toHaveBeenCalledWith({});
    expect(s.events).toEqual([['workspace:updated', workspace]]);
  });

  it('a cancelled open dialog sends nothing', async () => {
    const s = setup({ 'workspace:open-file': async () => ({ cancelled: true }) });
    s.actions.openFile();
    await s.settle();
    expect(s.events).toEqual([]);
  });

  it('Capture Login asks the renderer, which picks the target profile or asks for a URL', () => {
    const s = setup();
    s.actions.captureLogin();
    expect(s.events).toEqual([['menu:capture', {}]]);
  });

  it('Export asks the renderer (which asks about redaction) with the chosen format', () => {
    const s = setup();
    s.actions.exportReport('pdf');
    expect(s.events).toEqual([['menu:export', { format: 'pdf' }]]);
  });

  it('Presentation mode is toggled in main and announced to the renderer', async () => {
    const s = setup();
    s.actions.togglePresentation();
    await s.settle();
    expect(s.services.togglePresentation).toHaveBeenCalled();
    expect(s.events).toEqual([['menu:toggle-presentation', { presentationMode: true }]]);
  });

  it('zoom, demo, save, import, focus, dev tools and about call their service', async () => {
    const s = setup();
    s.actions.zoom('out');
    s.actions.openDemo();
    s.actions.saveWorkspace();
    s.actions.importProfile();
    s.actions.focusInput();
    s.actions.toggleDevTools();
    s.actions.showAbout();
    await s.settle();
    expect(s.services.adjustZoom).toHaveBeenCalledWith('out');
    expect(s.handlers['workspace:open-demo']).toHaveBeenCalled();
    expect(s.handlers['workspace:save']).toHaveBeenCalled();
    expect(s.handlers['profiles:import']).toHaveBeenCalled();
    expect(s.events).toContainEqual(['workspace:updated', workspace]);
    expect(s.events).toContainEqual(['menu:focus-input', {}]);
    expect(s.devTools.toggleDevTools).toHaveBeenCalled();
    expect(s.showAbout).toHaveBeenCalled();
  });

  it('reports a failing action to the renderer instead of crashing main', async () => {
    const s = setup({ 'workspace:save': async () => Promise.reject(new Error('disk full')) });
    s.actions.saveWorkspace();
    await s.settle();
    expect(s.events).toEqual([['app:error', { title: 'Could not save the workspace', message: 'disk full' }]]);
  });

  it('opens only allow-listed help links', () => {
    const s = setup();
    s.actions.openLink('https://evil.example/');
    s.actions.openLink('https://wiki.resolution.de/doc/saml-sso/6.0.x/jira/troubleshooting');
    expect(s.openExternal).toHaveBeenCalledTimes(1);
  });
});
