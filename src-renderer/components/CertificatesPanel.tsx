/** The certificates a message was verified with or carried, and what became of each signature. */
import { daysUntil, describeWindow, type CertificateInfo, type MessageResult } from '../../src-main/core/model/index.js';

const SOURCE_LABEL: Record<CertificateInfo['source'], string> = {
  'idp-metadata': 'IdP metadata (trusted)',
  'idp-cert': 'configured IdP certificate (trusted)',
  keyinfo: 'KeyInfo of the message (never trusted)',
  'sp-metadata': 'SP metadata',
};

/** `http://www.w3.org/2001/04/xmldsig-more#rsa-sha256` → `rsa-sha256`; `…/xml-exc-c14n#` → `xml-exc-c14n`. */
function lastSegment(uri: string | undefined): string {
  if (!uri) return '—';
  const trimmed = uri.replace(/#$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('#'), trimmed.lastIndexOf('/')) + 1) || uri;
}

function CertCard({ cert, role, now }: { cert: CertificateInfo; role: string; now: number }) {
  const at = new Date(now).toISOString();
  const window = describeWindow(role, cert.notBefore, cert.notAfter, at, 0);
  const days = daysUntil(cert.notAfter, at);
  const state = window.state === 'valid' ? `valid, ${days ?? '?'} days left` : window.description;
  const cls = window.state === 'valid' ? (days !== undefined && days <= 90 ? 'warning' : 'pass') : 'error';
  return (
    <article className="card" aria-label={`${role}: ${cert.subject}`}>
      <header>
        <h3>{role}</h3>
        <span className={`badge ${cls}`}>{state}</span>
        {cert.selfSigned && <span className="badge neutral">self-signed</span>}
      </header>
      <dl className="facts">
        <dt>Subject</dt>
        <dd>{cert.subject}</dd>
        <dt>Issuer</dt>
        <dd>{cert.issuer}</dd>
        <dt>Valid</dt>
        <dd>
          {cert.notBefore} → {cert.notAfter}
        </dd>
        <dt>Key</dt>
        <dd>
          {cert.keyType}
          {cert.keySize ? ` ${cert.keySize} bit` : ''}
        </dd>
        <dt>SHA-256</dt>
        <dd className="mono">{cert.sha256Fingerprint}</dd>
        <dt>SHA-1</dt>
        <dd className="mono">{cert.sha1Fingerprint}</dd>
        <dt>Serial</dt>
        <dd className="mono">{cert.serialNumber}</dd>
        <dt>From</dt>
        <dd>{SOURCE_LABEL[cert.source]}</dd>
      </dl>
    </article>
  );
}

export function CertificatesPanel({ message, now }: { message: MessageResult; now: number }) {
  const sig = message.signature;
  const keyInfo = sig.keyInfoCertificates.filter((c) => c.sha256Fingerprint !== sig.certificate?.sha256Fingerprint);
  return (
    <>
      <section aria-label="Signatures">
        <h2>Signatures</h2>
        {sig.signatures.length === 0 ? (
          <p className="empty">The message carries no XML signature.</p>
        ) : (
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">Signature</th>
                <th scope="col">Covers</th>
                <th scope="col">Algorithms</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {sig.signatures.map((s, i) => (
                <tr key={i}>
                  <td className="mono">{s.location}</td>
                  <td className="mono">
                    {s.parent} <span className="muted">{s.referenceUri || '(whole document)'}</span>
                  </td>
                  <td className="mono">
                    {lastSegment(s.signatureAlgorithm)} · {lastSegment(s.digestAlgorithm)} · {lastSegment(s.canonicalizationAlgorithm)}
                  </td>
                  <td>
                    {s.accepted ? <span className="ok">accepted</span> : <span className="bad">not accepted</span>}
                    {s.problem && <div>{s.problem}</div>}
                    {s.verifiesWithKeyInfoOnly && <div className="warn-text">Verifies only with the certificate in its own KeyInfo.</div>}
                    {s.verifiedBy && <div className="muted mono">by {s.verifiedBy.slice(0, 23)}…</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Certificates">
        <h2>Certificates</h2>
        {!sig.certificate && keyInfo.length === 0 ? (
          <p className="empty">No certificate is involved: give the IdP metadata or certificate to verify signatures.</p>
        ) : (
          <div className="cards">
            {sig.certificate && <CertCard cert={sig.certificate} role="Verified with" now={now} />}
            {keyInfo.map((c) => (
              <CertCard key={c.sha256Fingerprint} cert={c} role="Carried in KeyInfo" now={now} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
