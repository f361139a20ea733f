/**
 * The login capture channels over an injected CaptureHost: open the SP login page of the
 * target profile (or a typed URL) in the capture window, forward each exchange live, and on Stop
 * analyse the recorded flow as the new workspace, with the same setup as every other analysis.
 * Nothing captured is written anywhere unless the user saves it as HAR.
 */
import { flowToHar } from '../capture/har-writer.js';
import { isCapturableUrl } from '../capture/capturable-url.js';
import { spLoginUrl } from '../capture/sp-login-url.js';
import type { CapturedFlow } from '../core/model/input.js';
import type { WorkspaceResult } from '../ipc/contract.js';
import { captureExchangeSummary } from './capture-summary.js';
import type { ChannelHandlers } from './handler-types.js';
import type { CaptureHost, Clock, Dialogs, EventSink, FileAccess } from './ports.js';
import { stamp } from './report-export.js';
import type { TargetProfiles } from './target-profiles.js';
import type { WorkspaceService, WorkspaceState } from './workspace-service.js';

export type CaptureChannel = 'capture:start' | 'capture:stop' | 'capture:clear' | 'capture:save';

/** The source name analyses of an in-app capture carry (results, reports). */
export const CAPTURE_SOURCE = 'In-app capture';

export interface CaptureServiceDeps {
  /** Absent where no capture window can be opened (the CLI, some tests): the channels then say so. */
  host?: CaptureHost;
  workspace: WorkspaceService;
  profiles: TargetProfiles;
  dialogs: Dialogs;
  fs: FileAccess;
  clock: Clock;
  emit: EventSink;
  /** Written into saved HAR files as `log.creator`. */
  creator: { name: string; version: string };
  /** Presentation mode right now: exchanges are forwarded without query strings then. */
  presentation(): boolean;
  /** The renderer's view of a workspace (redacted in presentation mode). */
  view(state: WorkspaceState): WorkspaceResult;
  /** `undefined` = the profile picked last; `null` = none. */
  targetOf(id: string | null | undefined): string | null;
}

interface OpenCapture {
  /** Tells this capture's late events from a later one's. */
  token: number;
  url: string;
  targetProfileId: string | null;
  /** Recording stopped by itself (window closed): still open for Stop, but a new capture may replace it. */
  ended?: boolean;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function createCaptureHandlers(deps: CaptureServiceDeps): Pick<ChannelHandlers, CaptureChannel> {
  let open: OpenCapture | undefined;
  /** The last stopped capture, in memory only, so it can still be saved as HAR after Stop. */
  let last: CapturedFlow | undefined;
  let tokens = 0;

  const host = (): CaptureHost => {
    if (!deps.host) throw new Error('Capturing a login needs the samlscope desktop app; here, open a HAR or SAML-tracer export instead.');
    return deps.host;
  };

  async function loginUrl(req: { targetProfileId?: string | null; url?: string }): Promise<{ url: string; targetProfileId: string | null }> {
    const targetProfileId = deps.targetOf(req.targetProfileId);
    if (req.url !== undefined) {
      if (!isCapturableUrl(req.url)) throw new Error(`"${req.url}" is not an http:// or https:// address. Enter the product's login page, e.g. https://jira.example.com/login.jsp.`);
      return { url: req.url, targetProfileId };
    }
    if (targetProfileId === null) throw new Error('No target profile is selected, so samlscope does not know which login page to open: enter the login URL, or pick a target profile.');
    const { summary, profile } = await deps.profiles.profile(targetProfileId);
    const url = spLoginUrl(profile);
    if (url === undefined) {
      throw new Error(`The target profile ${summary.name} names neither a live instance base URL nor an ACS URL under /plugins/servlet/, so its login page is unknown: enter the login URL.`);
    }
    return { url, targetProfileId };
  }

  return {
    'capture:start': async (req) => {
      if (open && !open.ended) throw new Error('A capture is already open: stop it (and save it if you need it) before starting another.');
      if (open) {
        // Its window is gone and no workspace view asked to analyse it (the renderer was reloaded): let it go.
        open = undefined;
        await host().close();
      }
      const target = await loginUrl(req);
      const capture = host();
      const session: OpenCapture = { token: ++tokens, ...target };
      const current = (): boolean => open?.token === session.token;
      open = session;
      last = undefined;
      try {
        await capture.start(target.url, {
          onExchange: (exchange) => {
            if (current()) deps.emit('capture:exchange', { exchange: captureExchangeSummary(exchange, deps.presentation()) });
          },
          onEnded: (reason) => {
            if (!current()) return;
            session.ended = true;
            deps.emit('capture:ended', { reason });
          },
        });
      } catch (error) {
        open = undefined;
        throw error;
      }
      return { url: target.url };
    },

    'capture:stop': async () => {
      const session = open;
      if (!session) throw new Error('No capture is open: start one with Capture login.');
      const capture = host();
      open = undefined; // events arriving from here on belong to no capture
      try {
        const flow = await capture.stop();
        last = flow;
        const state = await deps.workspace.analyze({
          title: `${CAPTURE_SOURCE}: ${hostOf(session.url)}`,
          inputs: [{ source: CAPTURE_SOURCE, text: '', capture: flow }],
          targetProfileId: session.targetProfileId,
        });
        return { workspace: deps.view(state) };
      } finally {
        await capture.close();
      }
    },

    'capture:clear': async () => {
      if (open) host().clear();
      else last = undefined;
      return {};
    },

    'capture:save': async () => {
      const flow = open ? host().flow() : last;
      if (!flow || flow.exchanges.length === 0) throw new Error('Nothing has been captured yet: start a capture and sign in first.');
      const file = await deps.dialogs.chooseSavePath({
        title: 'Save the captured login as HAR (contains the SAML messages and personal data)',
        defaultFileName: `samlscope-capture-${stamp(deps.clock())}.har`,
        filters: [{ name: 'HAR capture', extensions: ['har'] }],
      });
      if (file === null) return { cancelled: true };
      await deps.fs.writeFile(file, JSON.stringify(flowToHar(flow, deps.creator)));
      return { cancelled: false, path: file };
    },
  };
}
