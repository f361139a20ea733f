/**
 * The parts of the Chrome DevTools Protocol Network domain the capture engine reads
 * (https://chromedevtools.github.io/devtools-protocol/tot/Network/). Every field is optional here:
 * events come from another process and are checked before use.
 */
export interface CdpRequest {
  url?: string;
  method?: string;
  headers?: Record<string, unknown>;
  /** Deprecated in newer Chromium in favour of postDataEntries, still sent by many versions. */
  postData?: string;
  hasPostData?: boolean;
  postDataEntries?: Array<{ bytes?: string }>;
}

export interface CdpResponse {
  url?: string;
  status?: number;
  statusText?: string;
  headers?: Record<string, unknown>;
  mimeType?: string;
}

export interface RequestWillBeSent {
  requestId?: string;
  request?: CdpRequest;
  /** Seconds since the epoch. */
  wallTime?: number;
  type?: string;
  /** The previous hop's response when this request follows a redirect (same requestId). */
  redirectResponse?: CdpResponse;
}

export interface ResponseReceived {
  requestId?: string;
  type?: string;
  response?: CdpResponse;
}

export interface LoadingFinished {
  requestId?: string;
}

export interface LoadingFailed {
  requestId?: string;
  errorText?: string;
  canceled?: boolean;
}

export interface GetResponseBodyResult {
  body?: string;
  base64Encoded?: boolean;
}

export interface GetRequestPostDataResult {
  postData?: string;
}

/** How the engine sends CDP commands: Electron's `webContents.debugger.sendCommand`, Playwright's `CDPSession.send`. */
export interface CdpCommandSender {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
}
