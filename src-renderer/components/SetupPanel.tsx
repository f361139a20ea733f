/**
 * Setup: everything an analysis uses besides the message — the IdP trust anchor, the SP settings,
 * the instant to judge at, the SP private key and an instance snapshot. Collapsed, it is a one-line
 * summary per setting; every change is sent to main, which analyses the current message again.
 * Nothing here is personal data (entity IDs, URLs, fingerprints, file names), so it stays visible
 * in presentation mode.
 */
import { useId, useState } from 'react';
import type { WorkspaceSetup } from '../../src-main/ipc/contract.js';
import type { WorkspaceStore } from '../state/use-workspace.js';
import { KeySection } from './setup/KeySection.js';
import { SnapshotSection } from './setup/SnapshotSection.js';
import { SpSection } from './setup/SpSection.js';
import { TimeSection } from './setup/TimeSection.js';
import { TrustSection } from './setup/TrustSection.js';

const TRUST_WORD: Record<WorkspaceSetup['idp']['source'], string> = {
  profile: 'target profile',
  metadata: 'IdP metadata',
  certificate: 'IdP certificate',
  none: 'none',
};

function timeWords(time: WorkspaceSetup['time']): string {
  const at = time.evaluateAt;
  if (at.mode === 'now') return 'now';
  const instant = (at.mode === 'custom' ? at.instant : time.effectiveNow)?.replace('T', ' ').replace(/(:\d{2})(\.\d+)?Z$/, '$1 UTC');
  return at.mode === 'custom' ? (instant ?? 'a given instant') : `IssueInstant + 1 min${instant ? ` (${instant})` : ''}`;
}

function Summary({ setup }: { setup: WorkspaceSetup }) {
  const acs = setup.sp.acsUrls[0]?.value;
  return (
    <dl className="setup-summary">
      <dt>Trust</dt>
      <dd className={setup.idp.source === 'none' ? 'warn-text' : undefined}>{TRUST_WORD[setup.idp.source]}</dd>
      <dt>Audience</dt>
      <dd className="mono">{setup.sp.entityId?.value ?? '—'}</dd>
      <dt>ACS URL</dt>
      <dd className="mono">{acs ?? '—'}</dd>
      <dt>Time</dt>
      <dd>
        {timeWords(setup.time)}, skew {setup.time.clockSkewSeconds} s
      </dd>
      <dt>SP key</dt>
      <dd>{setup.spKey.loaded ? `loaded (${setup.spKey.description})` : 'none'}</dd>
      {setup.snapshot && (
        <>
          <dt>Snapshot</dt>
          <dd>{setup.snapshot.origin}</dd>
        </>
      )}
    </dl>
  );
}

export function SetupPanel({ store }: { store: WorkspaceStore }) {
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  const setup = store.setup;
  const update = (patch: Parameters<WorkspaceStore['updateSetup']>[0], label: string): Promise<boolean> => store.updateSetup(patch, label);
  const judgedAt = setup?.time.effectiveNow ? Date.parse(setup.time.effectiveNow) : Date.now();
  const profile = store.workspace?.targetProfile ?? store.profiles.find((p) => p.id === store.settings?.targetProfileId);
  return (
    <section className="setup" aria-label="Setup" data-setup-open={open}>
      <h2>
        <button type="button" className="setup-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span className="chev" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Setup
        </button>
      </h2>
      <div id={bodyId} className="setup-body">
        {!setup ? (
          <p className="muted">Reading the setup…</p>
        ) : !open ? (
          <Summary setup={setup} />
        ) : (
          <>
            <TrustSection idp={setup.idp} now={judgedAt} update={update} />
            <SpSection sp={setup.sp} update={update} />
            <TimeSection time={setup.time} update={update} />
            <KeySection spKey={setup.spKey} update={update} />
            <SnapshotSection snapshot={setup.snapshot} {...(profile ? { profileName: profile.name } : {})} update={update} />
          </>
        )}
      </div>
    </section>
  );
}
