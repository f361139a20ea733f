/**
 * The message view: key facts, then the pretty-printed document (signed regions marked, the
 * elements identity values were read from highlighted) beside the untouched raw XML.
 */
import { useMemo } from 'react';
import type { MessageResult } from '../../src-main/core/model/index.js';
import { buildXmlView, type IdentitySource, type XmlLine } from '../lib/xml-view.js';

const SIGNATURE_WORD = { valid: 'valid', invalid: 'invalid', unsigned: 'unsigned', untrusted: 'untrusted key' } as const;

function identitiesOf(m: MessageResult): IdentitySource[] {
  const out: IdentitySource[] = [];
  if (m.issuerDetail) out.push({ location: m.issuerDetail.location, label: 'Issuer' });
  if (m.responseIssuer) out.push({ location: m.responseIssuer.location, label: 'Response issuer' });
  if (m.subject) out.push({ location: `/${m.type}/Assertion/Subject/NameID`, label: 'NameID' });
  for (const a of m.attributes) out.push({ location: `/${m.type}/Assertion/AttributeStatement/Attribute`, attributeName: a.name, label: `attribute ${a.name}` });
  return out;
}

function Line({ line }: { line: XmlLine }) {
  const cls = ['xml-line', line.coverage !== 'none' ? line.coverage : '', line.readAs ? 'read' : ''].filter(Boolean).join(' ');
  return (
    <div className={cls} data-path={line.path}>
      <span className="code" style={{ paddingLeft: `calc(${line.depth * 2 + 2}ch + 0.5rem)` }}>
        {line.tokens.map((t, i) => (
          <span key={i} className={`tk-${t.kind}`}>
            {t.text}
          </span>
        ))}
      </span>
      {line.readAs && <span className="read-label">{line.readAs}</span>}
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string | undefined }) {
  if (value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className="mono">{value}</dd>
    </>
  );
}

export function MessagePanel({ message }: { message: MessageResult }) {
  const view = useMemo(
    () =>
      buildXmlView(message.xml, {
        coverage: message.signature,
        identities: identitiesOf(message),
      }),
    [message],
  );
  const sig = message.signature;
  const status = message.status;
  return (
    <>
      <section aria-label="Message facts">
        <div className="message-head">
          <h2>{message.type}</h2>
          <span className="badge neutral">{message.binding}</span>
          <span className={`badge ${sig.status === 'valid' ? 'pass' : sig.status === 'unsigned' ? 'warning' : 'error'}`}>
            Signature {SIGNATURE_WORD[sig.status]}
            {sig.signedElements.length > 0 ? ` (${sig.signedElements.join(' + ')})` : ''}
          </span>
        </div>
        <dl className="facts">
          <Fact label="Issuer" value={message.issuer} />
          <Fact label="Destination" value={message.destination} />
          <Fact label="ID" value={message.id} />
          <Fact label="InResponseTo" value={message.inResponseTo} />
          <Fact label="IssueInstant" value={message.issueInstant} />
          <Fact label="Status" value={status ? [status.code, status.secondLevelCode, status.message].filter(Boolean).join(' · ') : undefined} />
          <Fact label="Audience" value={message.conditions?.audiences.join(', ')} />
          <Fact label="Recipient" value={message.subjectConfirmations.map((s) => s.recipient).filter(Boolean).join(', ')} />
          <Fact label="ACS URL (requested)" value={message.request?.assertionConsumerServiceUrl} />
          <Fact label="RelayState" value={message.relayState} />
        </dl>
      </section>
      <div className="legend" aria-label="Legend">
        <span>
          <span className="key signed" aria-hidden="true" />
          Covered by an accepted signature
        </span>
        <span>
          <span className="key rejected" aria-hidden="true" />
          Signed, but the signature was not accepted
        </span>
        <span>
          <span className="key read" aria-hidden="true" />
          Where samlscope read an identity value
        </span>
      </div>
      <div className="xml-columns">
        <section className="xml-pane" aria-label="Pretty-printed XML">
          <h3>Pretty-printed</h3>
          <div className="xml-scroll" tabIndex={0} aria-label="Pretty-printed XML, scrollable">
            {view.ok ? (
              <div className="xml-pretty">
                {view.lines.map((l, i) => (
                  <Line key={i} line={l} />
                ))}
              </div>
            ) : (
              <p className="error-box">The document could not be pretty-printed: {view.error}</p>
            )}
          </div>
        </section>
        <section className="xml-pane" aria-label="Raw XML">
          <h3>Raw, as received (decoded, untouched)</h3>
          <div className="xml-scroll" tabIndex={0} aria-label="Raw XML, scrollable">
            <pre className="xml-raw">{message.xml}</pre>
          </div>
        </section>
      </div>
    </>
  );
}
