/** `Dialogs` on Electron's native dialogs, modal to the workspace window. */
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../app-services/ports.js';

export function createElectronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  return {
    async chooseOpenPath({ title, filters }) {
      const win = getWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath({ title, defaultFileName, filters }) {
      const win = getWindow();
      const options = { title, defaultPath: defaultFileName, filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
