/** IdP trust: where the trust anchor comes from, its certificates, and how to give another one. */
import type { CertificateInfo } from '../../../src-main/core/model/index.js';
import type { SetupPatch, WorkspaceSetup } from '../../../src-main/ipc/contract.js';
import { ChooseFileButton, DropZone, PasteBox } from './setting-inputs.js';

const SOURCE_LABEL: Record<WorkspaceSetup['idp']['source'], string> = {
  profile: 'Target profile',
  metadata: 'IdP metadata',
  certificate: 'IdP certificate',
  none: 'None',
};

function day(iso: string): string {
  return iso.slice(0, 10);
}

function CertLine({ cert, now }: { cert: CertificateInfo; now: number }) {
  const expired = Date.parse(cert.notAfter) <= now;
  const notYet = Date.parse(cert.notBefore) > now;
  return (
    <li className="setup-cert">
      <div>{cert.subject}</div>
      <div className="mono fingerprint" title="SHA-256 fingerprint">
        <span className="visually-hidden">SHA-256 </span>
        {cert.sha256Fingerprint}
      </div>
      <div className="muted">
        Valid {day(cert.notBefore)} → {day(cert.notAfter)}{' '}
        {(expired || notYet) && <span className="badge error">{expired ? 'expired' : 'not yet valid'}</span>}
      </div>
    </li>
  );
}

interface Props {
  idp: WorkspaceSetup['idp'];
  /** The instant the message is judged at, for the certificates' validity. */
  now: number;
  update(patch: SetupPatch, label: string): Promise<boolean>;
}

export function TrustSection({ idp, now, update }: Props) {
  const use = (text: SetupPatch['idpTrust']): Promise<boolean> => update({ idpTrust: text }, 'Reading the IdP trust anchor…');
  return (
    <DropZone label="Drop to use as the IdP trust anchor" onText={use}>
      <h3 id="setup-trust">IdP trust</h3>
      <p className="setup-source" data-trust-source={idp.source}>
        <span className={`badge ${idp.source === 'none' ? 'warning' : 'neutral'}`}>{SOURCE_LABEL[idp.source]}</span>{' '}
        {idp.source === 'none' ? (
          <span>Signatures cannot be verified. Paste or drop the IdP metadata, or pick a target profile.</span>
        ) : (
          <span className="origin">{idp.origin}</span>
        )}
      </p>
      {idp.userGiven && <p className="note">Given by you: it replaces a target profile’s IdP metadata.</p>}
      {idp.problem && <p className="note bad-text">{idp.problem}</p>}
      {idp.entityId && (
        <div className="setup-kv">
          <span className="muted">Entity ID</span>
          <span className="mono">{idp.entityId}</span>
        </div>
      )}
      {idp.certificates.length > 0 && (
        <ul className="setup-certs" aria-label="Trusted certificates">
          {idp.certificates.map((c) => (
            <CertLine key={c.sha256Fingerprint} cert={c} now={now} />
          ))}
        </ul>
      )}
      <div className="row">
        <PasteBox label="IdP metadata XML or PEM certificate" placeholder={'<md:EntityDescriptor … or -----BEGIN CERTIFICATE-----'} onText={use} />
        <ChooseFileButton label="Choose file…" accept=".xml,.pem,.crt,.cer,.txt" onText={use} />
        {idp.userGiven && (
          <button type="button" className="btn small" onClick={() => use(null)}>
            Clear
          </button>
        )}
      </div>
    </DropZone>
  );
}
