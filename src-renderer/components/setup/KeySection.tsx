/**
 * The SP private key for encrypted assertions. It goes to main once (chosen or dropped file) and is
 * never sent back: the page only learns "key loaded (RSA 2048)". No paste box, so no key text sits
 * in a text field.
 */
import type { SetupPatch, WorkspaceSetup } from '../../../src-main/ipc/contract.js';
import { ChooseFileButton, DropZone } from './setting-inputs.js';

export function KeySection({ spKey, update }: { spKey: WorkspaceSetup['spKey']; update(patch: SetupPatch, label: string): void }) {
  const use = (text: SetupPatch['spKey']): void => update({ spKey: text }, 'Loading the SP key…');
  return (
    <DropZone label="Drop to load as the SP private key" onText={use}>
      <h3>SP private key</h3>
      <p className="setup-value" data-sp-key={spKey.loaded ? 'loaded' : 'none'}>
        {spKey.loaded ? (
          <>
            <span className="badge pass">Key loaded ({spKey.description})</span> <span className="origin">{spKey.origin}</span>
          </>
        ) : (
          <span className="muted">None. Needed only for encrypted assertions.</span>
        )}
      </p>
      <p className="note">Kept in memory only: never saved, never shown.</p>
      <div className="row">
        <ChooseFileButton label={spKey.loaded ? 'Replace key…' : 'Choose key file…'} accept=".pem,.key,.txt" onText={use} />
        {spKey.loaded && (
          <button type="button" className="btn small" onClick={() => use(null)}>
            Forget key
          </button>
        )}
      </div>
    </DropZone>
  );
}
