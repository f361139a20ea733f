/**
 * A CaptureHost without a window: the test plays the browser, pushing exchanges as the capture
 * engine would report them. Used by the app-services unit tests and the e2e harness (where the real
 * Electron capture window cannot run).
 */
import type { CaptureHost, CaptureListener } from '../../../src-main/app-services/ports.js';
import type { CapturedExchange, CapturedFlow } from '../../../src-main/core/model/input.js';

export class FakeCaptureHost implements CaptureHost {
  /** URLs each capture was opened at, in order. */
  readonly started: string[] = [];
  closed = 0;
  stopped = 0;
  private listener: CaptureListener | undefined;
  private exchanges: CapturedExchange[] = [];
  private recording = false;

  async start(url: string, listener: CaptureListener): Promise<void> {
    this.started.push(url);
    this.listener = listener;
    this.exchanges = [];
    this.recording = true;
  }

  /** One exchange completed in the capture window; numbered as the engine numbers them. */
  push(exchange: Omit<CapturedExchange, 'index'>): void {
    if (!this.recording) return;
    const e: CapturedExchange = { ...exchange, index: this.exchanges.length };
    this.exchanges.push(e);
    this.listener?.onExchange({ ...e });
  }

  /** The window went away by itself (the user closed it). */
  end(reason: string): void {
    this.recording = false;
    this.listener?.onEnded(reason);
  }

  async stop(): Promise<CapturedFlow> {
    this.stopped++;
    this.recording = false;
    return this.flow();
  }

  clear(): void {
    this.exchanges = [];
  }

  flow(): CapturedFlow {
    return { exchanges: this.exchanges.map((e) => ({ ...e })) };
  }

  async close(): Promise<void> {
    this.closed++;
    this.recording = false;
  }
}
