/** An instance snapshot the user dropped: used with the selected target profile instead of its own. */
import type { SetupPatch, WorkspaceSetup } from '../../../src-main/ipc/contract.js';
import { ChooseFileButton, DropZone } from './setting-inputs.js';

interface Props {
  snapshot: WorkspaceSetup['snapshot'];
  /** The target profile in use, if any. */
  profileName?: string;
  update(patch: SetupPatch, label: string): void;
}

export function SnapshotSection({ snapshot, profileName, update }: Props) {
  const use = (text: SetupPatch['snapshot']): void => update({ snapshot: text }, 'Reading the instance snapshot…');
  return (
    <DropZone label="Drop to use as the instance snapshot" onText={use}>
      <h3>Instance snapshot</h3>
      {snapshot ? (
        <>
          <p className="setup-value">
            <span className="origin">{snapshot.origin}</span>: {snapshot.product}, {snapshot.users} user{snapshot.users === 1 ? '' : 's'}, captured {snapshot.capturedAt.slice(0, 10)}
          </p>
          <p className="note" data-snapshot-use>
            {snapshot.use}
          </p>
        </>
      ) : (
        <p className="muted">{profileName ? `${profileName} uses its own snapshot (or live instance).` : 'None. With a target profile, a dropped snapshot replaces the profile’s own.'}</p>
      )}
      <div className="row">
        <ChooseFileButton label={snapshot ? 'Replace…' : 'Choose snapshot…'} accept=".json,.yaml,.yml" onText={use} />
        {snapshot && (
          <button type="button" className="btn small" onClick={() => use(null)}>
            Use the profile’s
          </button>
        )}
      </div>
    </DropZone>
  );
}
