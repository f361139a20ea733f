/** The capture engine (CDP) and the HAR / SAML-tracer importers, shared by the CLI and the Electron app. */
export { CdpCaptureEngine, NETWORK_ENABLE_PARAMS, type CaptureEngineOptions } from './cdp-capture-engine.js';
export type { CdpCommandSender } from './cdp-types.js';
export { importCaptureChunks, importCaptureStreamFromFile, importCaptureText, type ImportedCapture, type CaptureKind } from './import-capture.js';
export { importCaptureFile, sniffCaptureFile } from './capture-file.js';
export { CaptureImportError } from './capture-import-error.js';
export { flowToHar, type HarDocument } from './har-writer.js';
export { DEFAULT_CAPTURE_LIMITS, type CaptureLimits } from './limits.js';
export { spLoginUrl } from './sp-login-url.js';
export { isCapturableUrl } from './capturable-url.js';
