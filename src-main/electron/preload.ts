/**
 * The preload: exposes `window.samlscope` (the typed contract) and nothing else. It never hands the
 * page `ipcRenderer` or an IpcRendererEvent (security checklist #20), and refuses channel names
 * outside the contract before they reach main. Bundled into one CJS file (sandboxed preloads cannot
 * require our modules).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api.js';
import { API_KEY } from '../ipc/contract.js';

contextBridge.exposeInMainWorld(API_KEY, createPreloadApi(ipcRenderer, process.platform));
