/**
 * The main-side services without Electron: what Electron main wires, and what the e2e harness binds
 * to the real React UI in Chromium (`createAppServices(...).handlers[channel](request)`).
 */
export { createAppServices, type AppServiceDeps, type AppServices } from './app-services.js';
export type { ChannelHandlers } from './handler-types.js';
export type { Clock, Dialogs, EventSink, FileAccess, FileFilter, PdfPrinter, SecretStore } from './ports.js';
export { nodeFileAccess } from './node-file-access.js';
export { createMemorySecretStore } from './memory-secret-store.js';
export { DEMO_PROFILE_ID } from './demo-case.js';
