/**
 * The application menu as data (File, Edit, View, Help; plus the app menu on macOS). Every item that
 * does app work calls one `MenuActions` function, so wiring is testable without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ReportFormat } from '../ipc/contract.js';

export interface MenuActions {
  openFile(): void;
  captureLogin(): void;
  openDemo(): void;
  saveWorkspace(): void;
  exportReport(format: ReportFormat): void;
  importProfile(): void;
  focusInput(): void;
  togglePresentation(): void;
  zoom(direction: 'in' | 'out' | 'reset'): void;
  toggleDevTools(): void;
  showAbout(): void;
  openLink(url: string): void;
}

export interface MenuContext {
  platform: string;
  /** Development build: View → Toggle Developer Tools and Reload exist only then. */
  isDev: boolean;
  presentationMode: boolean;
  appName: string;
  helpLinks: ReadonlyArray<{ label: string; url: string }>;
}

export const PRESENTATION_ACCELERATOR = 'CmdOrCtrl+Shift+P';

const EXPORT_ITEMS: ReadonlyArray<{ id: string; label: string; format: ReportFormat }> = [
  { id: 'export-html', label: 'HTML…', format: 'html' },
  { id: 'export-md', label: 'Markdown…', format: 'md' },
  { id: 'export-json', label: 'JSON…', format: 'json' },
  { id: 'export-pdf', label: 'PDF…', format: 'pdf' },
];

export function buildMenuTemplate(actions: MenuActions, ctx: MenuContext): MenuItemConstructorOptions[] {
  const isMac = ctx.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: ctx.appName,
      submenu: [
        { id: 'about', label: `About ${ctx.appName}`, click: () => actions.showAbout() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({
    id: 'file',
    label: '&File',
    submenu: [
      { id: 'open', label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFile() },
      { id: 'capture-login', label: 'Capture Login…', click: () => actions.captureLogin() },
      { id: 'open-demo', label: 'Open Demo Case', click: () => actions.openDemo() },
      { id: 'import-profile', label: 'Import Target Profile…', click: () => actions.importProfile() },
      { type: 'separator' },
      { id: 'save-workspace', label: 'Save Workspace…', accelerator: 'CmdOrCtrl+S', click: () => actions.saveWorkspace() },
      {
        id: 'export',
        label: 'Export Report',
        submenu: EXPORT_ITEMS.map((item) => ({
          id: item.id,
          label: item.label,
          ...(item.format === 'html' ? { accelerator: 'CmdOrCtrl+E' } : {}),
          click: () => actions.exportReport(item.format),
        })),
      },
      { type: 'separator' },
      isMac ? { role: 'close' } : { id: 'quit', role: 'quit', label: 'Quit' },
    ],
  });

  template.push({
    id: 'edit',
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { id: 'focus-input', label: 'Go to Input', accelerator: 'CmdOrCtrl+L', click: () => actions.focusInput() },
    ],
  });

  const viewItems: MenuItemConstructorOptions[] = [
    {
      id: 'presentation',
      label: 'Presentation Mode',
      type: 'checkbox',
      checked: ctx.presentationMode,
      accelerator: PRESENTATION_ACCELERATOR,
      // The renderer owns the shortcut (it works while focus is in the page); registering it here as well
      // would toggle twice on macOS. The accelerator is still shown in the menu.
      registerAccelerator: false,
      click: () => actions.togglePresentation(),
    },
    { type: 'separator' },
    { id: 'zoom-in', label: 'Zoom In', accelerator: 'CmdOrCtrl+=', click: () => actions.zoom('in') },
    { id: 'zoom-out', label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', click: () => actions.zoom('out') },
    { id: 'zoom-reset', label: 'Actual Size', accelerator: 'CmdOrCtrl+0', click: () => actions.zoom('reset') },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (ctx.isDev) {
    viewItems.push(
      { type: 'separator' },
      { role: 'reload' },
      { id: 'devtools', label: 'Toggle Developer Tools', accelerator: isMac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I', click: () => actions.toggleDevTools() },
    );
  }
  template.push({ id: 'view', label: '&View', submenu: viewItems });

  if (isMac) template.push({ role: 'windowMenu' });

  template.push({
    id: 'help',
    role: 'help',
    label: '&Help',
    submenu: [
      ...ctx.helpLinks.map((link, i): MenuItemConstructorOptions => ({ id: `help-link-${i}`, label: link.label, click: () => actions.openLink(link.url) })),
      ...(isMac ? [] : [{ type: 'separator' } as const, { id: 'about', label: `About ${ctx.appName}`, click: () => actions.showAbout() }]),
    ],
  });

  return template;
}
