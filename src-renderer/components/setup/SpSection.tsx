/**
 * SP settings: the entity ID the Audience must name and the ACS URL Destination and Recipient must
 * name. The fields show the target profile's values until the user types others (overrides).
 */
import { useEffect, useRef, useState } from 'react';
import type { SetupPatch, WorkspaceSetup } from '../../../src-main/ipc/contract.js';
import { ChooseFileButton, DropZone, PasteBox } from './setting-inputs.js';

type Key = 'entityId' | 'acsUrl';

interface FieldProps {
  id: string;
  label: string;
  field: Key;
  sp: WorkspaceSetup['sp'];
  update(patch: SetupPatch, label: string): void;
}

function origin(sp: WorkspaceSetup['sp'], field: Key): string {
  if (sp.overrides[field]) return 'Your value';
  if (sp.profile[field]) return 'From the target profile';
  const fromMetadata = field === 'entityId' ? sp.entityId?.source.startsWith('SP metadata') : sp.acsUrls.some((a) => a.source.startsWith('SP metadata'));
  if (fromMetadata) return 'From the SP metadata';
  return 'Not set: not checked';
}

function SpField({ id, label, field, sp, update }: FieldProps) {
  const shown = sp.overrides[field] ?? sp.profile[field] ?? '';
  const [draft, setDraft] = useState(shown);
  // Enter then blur must not send the same change twice while the first is still being analysed.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    setDraft(shown);
    sent.current = null;
  }, [shown]);
  const fromMetadata = field === 'entityId' ? sp.entityId?.value : sp.acsUrls[0]?.value;
  const commit = (): void => {
    const value = draft.trim();
    if (value === shown || value === sent.current) return;
    sent.current = value;
    const clear = value === '' || value === sp.profile[field];
    update({ sp: { [field]: clear ? null : value } }, `Checking against the ${label.toLowerCase()}…`);
  };
  const hintId = `${id}-hint`;
  return (
    <div className="setup-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className="text-input mono"
        value={draft}
        title={draft || undefined}
        spellCheck={false}
        placeholder={fromMetadata ?? (field === 'entityId' ? 'https://jira.example.com' : 'https://jira.example.com/plugins/servlet/samlconsumer')}
        aria-describedby={hintId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') {
            setDraft(shown);
          }
        }}
      />
      <div className="hint" id={hintId}>
        {origin(sp, field)}
        {sp.overrides[field] && (
          <>
            {' · '}
            <button type="button" className="link" onClick={() => update({ sp: { [field]: null } }, 'Restoring the SP setting…')}>
              {sp.profile[field] ? 'use the profile’s' : 'clear'}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

export function SpSection({ sp, update }: { sp: WorkspaceSetup['sp']; update(patch: SetupPatch, label: string): Promise<boolean> }) {
  const useMetadata = (text: SetupPatch['spMetadata']): Promise<boolean> => update({ spMetadata: text }, 'Reading the SP metadata…');
  return (
    <DropZone label="Drop to use as the SP metadata" onText={useMetadata}>
      <h3>SP settings</h3>
      <SpField id="setup-sp-entity" label="Entity ID (Audience)" field="entityId" sp={sp} update={update} />
      <SpField id="setup-sp-acs" label="ACS URL" field="acsUrl" sp={sp} update={update} />
      <div className="setup-kv">
        <span className="muted">SP metadata</span>
        {sp.metadata ? (
          <span>
            <span className="origin">{sp.metadata.origin}</span>: <span className="mono">{sp.metadata.entityId}</span>
          </span>
        ) : (
          <span className="hint">None (optional: gives the entity ID and every ACS URL)</span>
        )}
      </div>
      <div className="row">
        <PasteBox label="SP metadata XML" placeholder="<md:EntityDescriptor … <md:SPSSODescriptor" onText={useMetadata} />
        <ChooseFileButton label="Choose file…" accept=".xml,.txt" onText={useMetadata} />
        {sp.metadata && (
          <button type="button" className="btn small" onClick={() => useMetadata(null)}>
            Clear
          </button>
        )}
      </div>
    </DropZone>
  );
}
