/** The top bar: every action in one row, in the order a support agent uses them. */
import type { ProfileSummary } from '../../src-main/ipc/contract.js';
import { ExportMenu } from './ExportMenu.js';
import type { WorkspaceStore } from '../state/use-workspace.js';
import { isMac } from '../api.js';

interface Props {
  store: WorkspaceStore;
  onPaste(): void;
  /** Starts a login capture for the target profile (or asks for the login URL). */
  onCapture(): void;
  capturing: boolean;
}

function profileLabel(p: ProfileSummary): string {
  if (!p.valid) return `${p.name} (invalid)`;
  return p.instance === 'live' ? `${p.name} (live)` : p.name;
}

export function Toolbar({ store, onPaste, onCapture, capturing }: Props) {
  const shortcut = isMac() ? '⌘⇧P' : 'Ctrl+Shift+P';
  // The profile the shown workspace was simulated with wins over the stored choice: the picker says what you see.
  const inUse = store.workspace?.targetProfile;
  const profileId = inUse?.id ?? store.settings?.targetProfileId ?? '';
  const profiles = inUse && !store.profiles.some((p) => p.id === inUse.id) ? [inUse, ...store.profiles] : store.profiles;
  const selected = profiles.find((p) => p.id === profileId);
  return (
    <header className="toolbar" role="toolbar" aria-label="samlscope actions">
      <div className="brand">
        <h1>samlscope</h1>
        {store.workspace?.demo && (
          <span className="badge demo" title="The bundled demo case: an AWS-shaped response, its IdP metadata and a Jira snapshot">
            Demo
          </span>
        )}
      </div>
      <div className="group">
        <button type="button" className="btn" onClick={() => void store.openFile()}>
          Open file…
        </button>
        <button type="button" className="btn" onClick={onPaste}>
          Paste
        </button>
        <button
          type="button"
          className="btn"
          onClick={onCapture}
          disabled={capturing}
          title="Open the target's login page in a recording window and capture the SAML flow (File → Capture Login…)"
        >
          Capture login
        </button>
        <button type="button" className="btn" onClick={() => void store.openDemo()} title="Open the bundled demo case">
          Demo
        </button>
        <button type="button" className="btn" onClick={() => void store.saveWorkspace()} disabled={!store.workspace?.results.length} title="Save the inputs and setup of this workspace to a file (never the SP key)">
          Save…
        </button>
      </div>
      <div className="group">
        <label className="inline" htmlFor="profile-picker">
          Target
        </label>
        <select
          id="profile-picker"
          className="select"
          value={profileId}
          title={selected?.errors?.join('\n') ?? 'The Atlassian instance the JIT simulation runs against'}
          onChange={(e) => void store.selectProfile(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">No target (analysis only)</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id} disabled={!p.valid}>
              {profileLabel(p)}
            </option>
          ))}
        </select>
        <button type="button" className="btn small" onClick={() => void store.importProfile()} title="Import a target profile file">
          Import…
        </button>
      </div>
      <div className="spacer" />
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={store.presentation}
        title={`Presentation mode masks personal data and enlarges the text (${shortcut})`}
        onClick={() => void store.setPresentation(!store.presentation)}
      >
        <span className="track" aria-hidden="true" />
        <span>Presentation</span>
        <kbd aria-hidden="true">{shortcut}</kbd>
      </button>
      <ExportMenu store={store} />
    </header>
  );
}
