/**
 * The one IPC contract between Electron main, the preload and the React renderer (GitHub Desktop
 * style: a map of channel → request/response types). Main validates every request against
 * `validators.ts`; the preload exposes only `SamlscopeApi`; the renderer codes against these types.
 *
 * Pure module: type imports from the engine model, no runtime dependency besides the channel lists,
 * so the renderer and the e2e harness can import it.
 */
import type { AnalysisResult, CertificateInfo, RedactionEntry, SimulationResult, Verdict } from '../core/model/index.js';
import type { UserBasePrediction, UserExplanation } from '../core/model/userbase.js';
import type { RecognisedFile, UserBaseProgress } from '../usecases/predict-user-base.js';
import type { UserBaseEmptyRequest, UserBaseExplainRequest, UserBaseExportRequest, UserBasePredictRequest } from './user-base-schemas.js';

// ---------------------------------------------------------------------------------------------
// Shared payload types
// ---------------------------------------------------------------------------------------------

/** Requests that carry nothing. Always pass `{}`. */
export type EmptyRequest = Record<string, never>;

/**
 * Analysis settings a user can give besides the target profile, and when validity windows are judged:
 * derived from the one schema that validates them (src-main/usecases/analysis-options.ts).
 */
export type { AnalyzeRequestOptions, EvaluateAt } from '../usecases/analysis-options-schema.js';
import type { AnalyzeRequestOptions, EvaluateAt } from '../usecases/analysis-options-schema.js';

/** Text for one setting: pasted (no name) or read from a dropped or chosen file (its name). */
export interface SetupText {
  text: string;
  name?: string;
}

/** A change to the workspace setup (main keeps it in memory). Absent keys stay as they are; `null` clears. */
export interface SetupPatch {
  /** IdP metadata XML or PEM certificate(s); replaces the target profile's IdP metadata as trust anchor. */
  idpTrust?: SetupText | null;
  /** SP metadata (EntityDescriptor with SPSSODescriptor); wins over the target profile's SP settings. */
  spMetadata?: SetupText | null;
  /** Typed SP settings; `null` or `''` = use the target profile's (or SP metadata's) value. */
  sp?: { entityId?: string | null; acsUrl?: string | null };
  evaluateAt?: EvaluateAt;
  clockSkewSeconds?: number;
  /** PEM private key for encrypted assertions: kept in main's memory only, never persisted nor sent back. */
  spKey?: SetupText | null;
  /** Instance snapshot (JSON, or YAML from a .yaml file): replaces the selected target profile's own snapshot. */
  snapshot?: SetupText | null;
}

/** What the workspace analyses with besides the message. Never holds a secret (the SP key is only described). */
export interface WorkspaceSetup {
  idp: {
    /** Where the trust anchor comes from. */
    source: 'profile' | 'metadata' | 'certificate' | 'none';
    /** File, profile or workspace it was read from. */
    origin?: string;
    entityId?: string;
    certificates: CertificateInfo[];
    /** True when the user gave it in this session (it can be cleared). */
    userGiven: boolean;
    /** Why the target profile's IdP metadata could not be used. */
    problem?: string;
  };
  sp: {
    /** The Audience the response must name, and where that expectation comes from. */
    entityId?: { value: string; source: string };
    /** Every ACS URL accepted as Destination/Recipient. */
    acsUrls: Array<{ value: string; source: string }>;
    /** Values the user typed (they win over everything else). */
    overrides: { entityId?: string; acsUrl?: string };
    /** What the selected target profile says (the fields' prefill). */
    profile: { entityId?: string; acsUrl?: string };
    /** SP metadata the user gave. */
    metadata?: { entityId: string; acsUrls: string[]; origin: string };
  };
  time: {
    evaluateAt: EvaluateAt;
    /** The instant the shown message was judged at; absent before any analysis. */
    effectiveNow?: string;
    clockSkewSeconds: number;
    /** Why the effective instant is not what `evaluateAt` alone says (no IssueInstant, set by the demo case, …). */
    note?: string;
  };
  spKey: { loaded: false } | { loaded: true; description: string; origin: string };
  /** An instance snapshot the user gave; `use` says how it is used (or why not). */
  snapshot?: { origin: string; product: string; capturedAt: string; users: number; use: string };
}

/** The JIT simulation of one login against a target profile (also the `simulation` member of the JSON report). */
export type SimulationSummary = SimulationResult;
export type { SimulatedUser, SimulationStep } from '../core/model/index.js';

/** What the workspace shows: the analysed input(s), and the simulation when a target profile was used. */
export interface WorkspaceResult {
  /** Shown in the title bar and the report header, e.g. `response.xml`, `Pasted text`, `Demo: Jira …`. */
  title: string;
  results: AnalysisResult[];
  /** Overall verdict across every result (and the simulation: a login that cannot succeed is `fail`). */
  verdict: Verdict;
  simulation?: SimulationSummary;
  /** Why the simulation could not run (profile invalid, snapshot unreadable, live instance unreachable). */
  simulationError?: string;
  targetProfile?: ProfileSummary;
  /**
   * True when personal data (NameID, e-mail, names, attribute values) was replaced in main with
   * stable placeholders (presentation mode). The renderer never receives the clear values then.
   */
  redacted: boolean;
  /** What presentation mode replaced (placeholders and where they stand, never the values); empty when not redacted. */
  redactions: RedactionEntry[];
  /** True for the bundled demo case: the UI labels it as a demo. */
  demo: boolean;
  /** ISO 8601 instant the analysis ran. */
  analyzedAt: string;
  /** The setup this analysis used (trust anchor, SP settings, time, SP key, snapshot). */
  setup?: WorkspaceSetup;
  /** What pasted or dropped text was recognised as, when it became a setting instead of a message. */
  notice?: string;
}

export type ProfileEngine = 'atlassian-sso' | 'resolution';
export type ProfileProduct = 'jira' | 'confluence' | 'bitbucket' | 'bamboo';

/** One entry of the target profile picker. */
export interface ProfileSummary {
  /** Stable id: `example:<dir>` for bundled examples, `user:<file name>` for the user's profiles. */
  id: string;
  name: string;
  /** Bundled examples are read-only. */
  builtIn: boolean;
  /** False when the file does not pass the profile schema; `errors` says why (`key.path: problem`). */
  valid: boolean;
  errors?: string[];
  product?: ProfileProduct;
  engine?: ProfileEngine;
  instance?: 'snapshot' | 'live';
}

/** A profile opened for display. Secrets are never in a profile (only `env:`/`keychain:` references). */
export interface ProfileDetails extends ProfileSummary {
  /** The profile file's text, as the user wrote it. */
  content: string;
  /** `keychain:` references the profile needs, and whether the secret store holds each. */
  secretRefs: Array<{ ref: string; stored: boolean }>;
}

export type ReportFormat = 'html' | 'md' | 'json' | 'pdf';

export type SaveOutcome = { cancelled: true } | { cancelled: false; path: string };

export type OpenFileOutcome = { cancelled: true } | { cancelled: false; workspace: WorkspaceResult };

export type ThemeSetting = 'system' | 'light' | 'dark';

/** Per-user settings (JSON in the user data folder). */
export interface Settings {
  /** `system` follows the OS light/dark setting. */
  theme: ThemeSetting;
  /** Screen-share mode: personal data masked (in main), larger type. */
  presentationMode: boolean;
  /** Page zoom factor, 0.5 … 3, 1 = 100 %. */
  zoomFactor: number;
  /** The target profile picked last; used by analyses that do not name one (menu Open, file associations). */
  targetProfileId: string | null;
  /** True once the bundled demo case was shown (first start opens it). */
  demoSeen: boolean;
}

/**
 * How secrets (live-instance tokens and passwords) are protected. On Linux without a keyring,
 * Chromium falls back to `basic_text`: secrets are then "encrypted" with a hard-coded password and
 * the UI must show `warning`.
 */
export interface SecretStorageStatus {
  /** `os`: OS keychain/DPAPI/libsecret/kwallet; `basic_text`: Linux plain-text fallback; `unavailable`: cannot store at all. */
  protection: 'os' | 'basic_text' | 'unavailable';
  /** Linux backend name (`gnome_libsecret`, `kwallet5`, `basic_text`, …) when known. */
  backend?: string;
  /** Plain-language warning to show in the UI; absent when storage is safe. */
  warning?: string;
}

/**
 * One exchange of a running login capture, as the live list shows it. Never bodies: in presentation
 * mode `url` also loses its query string (a Redirect-binding query carries the message and RelayState).
 */
export interface CaptureExchangeSummary {
  /** Position in the capture, from 0 (people see it + 1). */
  index: number;
  method: string;
  url: string;
  status?: number;
  /** SAML messages the exchange carries, by type (`AuthnRequest`, `Response`, …; `SAMLRequest` when undecodable). Names only. */
  saml: string[];
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** Electron version, absent outside Electron (e2e harness). */
  electron?: string;
  chrome?: string;
}

// ---------------------------------------------------------------------------------------------
// Request/response channels (renderer → main, `ipcRenderer.invoke` / `ipcMain.handle`)
// ---------------------------------------------------------------------------------------------

export interface InvokeChannels {
  /** Analyse pasted text (auto-detected like `samlscope analyze`); simulates when a target profile is given or selected. */
  'workspace:analyze': {
    request: { text: string; source?: string; targetProfileId?: string | null; options?: AnalyzeRequestOptions };
    response: WorkspaceResult;
  };
  /** The bundled demo case (AWS-shaped response, its IdP metadata, a Jira snapshot); marks `demoSeen`. */
  'workspace:open-demo': { request: EmptyRequest; response: WorkspaceResult };
  /** Open dialog in main, then analyse the chosen file (.har, .saml, .xml, .txt, .json, or a saved workspace). */
  'workspace:open-file': { request: { targetProfileId?: string | null }; response: OpenFileOutcome };
  /** A file dropped on the window: its name and content (text, or bytes for binary/unknown encodings). */
  'workspace:drop-file': {
    request: { name: string; text?: string; bytes?: Uint8Array; targetProfileId?: string | null };
    response: WorkspaceResult;
  };
  /** The current workspace again, redacted or not per the current presentation mode; `null` before any analysis. */
  'workspace:current': { request: EmptyRequest; response: WorkspaceResult | null };
  /** Re-run the simulation of the current workspace against another target profile (`null` = none). */
  'workspace:simulate': { request: { targetProfileId: string | null }; response: WorkspaceResult };
  /** The setup in effect, for the given target profile (`undefined` = the one picked last). */
  'workspace:setup': { request: { targetProfileId?: string | null }; response: WorkspaceSetup };
  /** Changes the setup and analyses the current input again (`workspace` is `null` when there is none yet). */
  'workspace:set-setup': {
    request: { patch: SetupPatch; targetProfileId?: string | null };
    response: { setup: WorkspaceSetup; workspace: WorkspaceResult | null };
  };
  /** Save the current workspace's inputs (not results) to a `.samlscope.json` file through a save dialog. */
  'workspace:save': { request: EmptyRequest; response: SaveOutcome };

  'profiles:list': { request: EmptyRequest; response: ProfileSummary[] };
  'profiles:load': { request: { id: string }; response: ProfileDetails };
  /** Open dialog; copies the chosen profile (and the files it references) into the user's profile folder. */
  'profiles:import': { request: EmptyRequest; response: { cancelled: true } | { cancelled: false; profile: ProfileSummary } };

  /** Save dialog in main, then write the report of the current workspace. PDF is printed from the HTML report. */
  'report:export': { request: { format: ReportFormat; redact: boolean }; response: SaveOutcome };

  'settings:get': { request: EmptyRequest; response: Settings };
  /** Partial update; returns the stored settings. Changing `presentationMode` also pushes `workspace:updated`. */
  'settings:set': { request: Partial<Settings>; response: Settings };

  'secrets:status': { request: EmptyRequest; response: SecretStorageStatus };
  /** Stores a secret under a `keychain:NAME` name through safeStorage. Values never travel back to the renderer. */
  'secrets:set': { request: { name: string; value: string }; response: { stored: true; status: SecretStorageStatus } };
  'secrets:delete': { request: { name: string }; response: { deleted: boolean } };
  /** Names only. */
  'secrets:list': { request: EmptyRequest; response: { names: string[] } };

  'app:info': { request: EmptyRequest; response: AppInfo };

  /**
   * Opens the login capture window: at `url` when given (http/https only), else at the SP login URL of
   * the target profile (`undefined` = the one picked last). Refused while another capture is open.
   */
  'capture:start': { request: { targetProfileId?: string | null; url?: string }; response: { url: string } };
  /** Stops recording, analyses the captured flow (with the setup) as the new workspace, closes the window. */
  'capture:stop': { request: EmptyRequest; response: { workspace: WorkspaceResult } };
  /** Forgets what was recorded so far (recording goes on), or the last stopped capture when none is open. */
  'capture:clear': { request: EmptyRequest; response: EmptyRequest };
  /** Save dialog, then writes the capture (open or last stopped) as a HAR 1.2 file. Nothing is kept otherwise. */
  'capture:save': { request: EmptyRequest; response: SaveOutcome };
}

/** What the User base view shows; personal values are masked when presentation mode is on (`redacted`). */
export type UserBaseViewResult =
  | { status: 'ok'; prediction: UserBasePrediction; files: RecognisedFile[]; redacted: boolean; profileName: string }
  | { status: 'invalid'; errors: string[]; files: RecognisedFile[] }
  | { status: 'cancelled' };

export type { UserBasePrediction, UserBaseUser, UserBaseOutcome, LocalAccount, PlanRow } from '../core/model/userbase.js';
export type { UserExplanation } from '../core/model/userbase.js';
export type { UserBaseProgress, RecognisedFile } from '../usecases/predict-user-base.js';

/** The User base view's channels (AWS exports → whole-base prediction). */
export interface UserBaseChannels {
  /** Recognises the files by shape and predicts every user's next login against the target profile. */
  'userbase:predict': { request: UserBasePredictRequest; response: UserBaseViewResult };
  /** Stops the running prediction; it then answers `cancelled`. */
  'userbase:cancel': { request: UserBaseEmptyRequest; response: { cancelled: boolean } };
  /** One user's steps and findings, as the single-login view shows them. */
  'userbase:explain': { request: UserBaseExplainRequest; response: UserExplanation };
  /** Save dialog, then writes the prediction (with the local group plan) or the plan alone. */
  'userbase:export': { request: UserBaseExportRequest; response: SaveOutcome };
  /** The example AWS exports for the demo instance (assets/examples), to load without a file dialog. */
  'userbase:examples': { request: UserBaseEmptyRequest; response: { files: Array<{ name: string; text: string }>; targetProfileId: string } };
}

export type AllInvokeChannels = InvokeChannels & UserBaseChannels;
export type Channel = keyof AllInvokeChannels;
export type RequestOf<C extends Channel> = AllInvokeChannels[C]['request'];
export type ResponseOf<C extends Channel> = AllInvokeChannels[C]['response'];

// ---------------------------------------------------------------------------------------------
// One-way events (main → renderer, `webContents.send` / `ipcRenderer.on`)
// ---------------------------------------------------------------------------------------------

export interface EventChannels {
  /** The workspace changed outside a renderer request: menu Open/demo, presentation mode toggled, … */
  'workspace:updated': WorkspaceResult;
  /** A file arrived from the command line, the OS (file association, macOS open-file) or a second instance. */
  'file:opened': { fileName: string; workspace: WorkspaceResult };
  /** Settings changed in main (menu: presentation mode, zoom). */
  'settings:changed': Settings;
  /** The profile list changed (File → Import Target Profile…). */
  'profiles:changed': ProfileSummary[];
  /** Menu File → Export report → <format>: the renderer asks about redaction, then calls `report:export`. */
  'menu:export': { format: ReportFormat };
  /** Menu View → Presentation mode (CmdOrCtrl+Shift+P). Main has already toggled it; sent so the UI can announce it. */
  'menu:toggle-presentation': { presentationMode: boolean };
  /** Menu Edit → Paste as new input / Ctrl+L: focus the input box. */
  'menu:focus-input': Record<string, never>;
  /** Something failed that no request was waiting for (file unreadable, export failed). */
  'app:error': { title: string; message: string };
  /** A captured exchange completed (live list while capturing). */
  'capture:exchange': { exchange: CaptureExchangeSummary };
  /** The capture stopped recording by itself: window closed, debugger detached, recording unavailable. */
  'capture:ended': { reason: string };
  /** Menu File → Capture Login…: the renderer starts a capture as its toolbar button does. */
  'menu:capture': Record<string, never>;
  /** Progress of a running user-base prediction. */
  'userbase:progress': UserBaseProgress;
}

export type EventName = keyof EventChannels;
export type EventPayload<E extends EventName> = EventChannels[E];

// ---------------------------------------------------------------------------------------------
// The preload API (window.samlscope)
// ---------------------------------------------------------------------------------------------

/** Name under which the preload exposes the API: `window.samlscope`. */
export const API_KEY = 'samlscope';

export interface SamlscopeApi {
  /** Rejects with an `Error` whose message explains what failed (validation errors name the field). */
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** `process.platform` of the main process (shortcut labels: ⌘ vs Ctrl). */
  readonly platform: string;
}

declare global {
  interface Window {
    samlscope: SamlscopeApi;
  }
}

// ---------------------------------------------------------------------------------------------
// Runtime channel lists (the preload and main refuse anything else)
// ---------------------------------------------------------------------------------------------

// `satisfies Record<…, true>` makes the compiler fail if a channel is added to the type but not here.
const INVOKE_CHANNEL_FLAGS = {
  'workspace:analyze': true,
  'workspace:open-demo': true,
  'workspace:open-file': true,
  'workspace:drop-file': true,
  'workspace:current': true,
  'workspace:simulate': true,
  'workspace:setup': true,
  'workspace:set-setup': true,
  'workspace:save': true,
  'profiles:list': true,
  'profiles:load': true,
  'profiles:import': true,
  'report:export': true,
  'settings:get': true,
  'settings:set': true,
  'secrets:status': true,
  'secrets:set': true,
  'secrets:delete': true,
  'secrets:list': true,
  'app:info': true,
  'capture:start': true,
  'capture:stop': true,
  'capture:clear': true,
  'capture:save': true,
  'userbase:predict': true,
  'userbase:cancel': true,
  'userbase:explain': true,
  'userbase:export': true,
  'userbase:examples': true,
} as const satisfies Record<Channel, true>;

const EVENT_FLAGS = {
  'workspace:updated': true,
  'file:opened': true,
  'settings:changed': true,
  'profiles:changed': true,
  'menu:export': true,
  'menu:toggle-presentation': true,
  'menu:focus-input': true,
  'app:error': true,
  'capture:exchange': true,
  'capture:ended': true,
  'menu:capture': true,
  'userbase:progress': true,
} as const satisfies Record<EventName, true>;

export const INVOKE_CHANNELS = Object.keys(INVOKE_CHANNEL_FLAGS) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(INVOKE_CHANNEL_FLAGS, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENT_FLAGS, value);
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  presentationMode: false,
  zoomFactor: 1,
  targetProfileId: null,
  demoSeen: false,
};

export const ZOOM_LIMITS = { min: 0.5, max: 3, step: 0.1 } as const;
