/** What the IdP sent (NameID and attributes) beside what the target's JIT mappings read from it. */
import type { MessageResult } from '../../src-main/core/model/index.js';
import type { SimulationSummary } from '../../src-main/ipc/contract.js';
import { mappingNeeds, type MappingNeed } from '../lib/profile-mappings.js';

/** The simulation's findings about attributes it found missing, when no row of the table shows that attribute. */
const MISSING_ATTRIBUTE_FINDINGS = new Set(['jit.attribute-missing', 'jit.groups-not-sent']);

function shortFormat(format: string | undefined): string {
  if (!format) return '—';
  return format.slice(format.lastIndexOf(':') + 1);
}

function Verified({ ok }: { ok: boolean }) {
  return ok ? <span className="ok">signed</span> : <span className="warn-text" title="No trusted signature covers this value">not covered</span>;
}

interface Props {
  message: MessageResult;
  simulation: SimulationSummary | undefined;
}

export function AttributesPanel({ message, simulation }: Props) {
  const needs = mappingNeeds(simulation);
  const usedBy = (name: string): MappingNeed[] => needs.filter((n) => n.attribute === name);
  const describe = (list: MappingNeed[]): string => list.map((n) => (n.expression === n.attribute ? n.field : `${n.field} (${n.expression})`)).join(', ');
  // One row per attribute the engine found missing, however many settings read it (the table shows one
  // message; the simulation read the login response, so an attribute this message has keeps its own row).
  const sent = new Set(message.attributes.map((a) => a.name));
  const missingNames = [...new Set(needs.filter((n) => n.missing && n.attribute !== 'NameID' && !sent.has(n.attribute)).map((n) => n.attribute))];
  const jitProblems =
    simulation?.findings.filter((f) => MISSING_ATTRIBUTE_FINDINGS.has(f.id) && !f.evidence.some((e) => e.site?.attributeName !== undefined && missingNames.includes(e.site.attributeName))) ?? [];
  const showTarget = needs.length > 0;

  return (
    <>
      <section aria-label="Subject">
        <h2>Subject</h2>
        {message.subject ? (
          <dl className="facts">
            <dt>NameID</dt>
            <dd className="mono">{message.subject.nameId}</dd>
            <dt>Format</dt>
            <dd className="mono">{message.subject.format ?? '—'}</dd>
            <dt>Signature</dt>
            <dd>
              <Verified ok={message.subject.verified} />
            </dd>
            {showTarget && usedBy('NameID').length > 0 && (
              <>
                <dt>Target uses it for</dt>
                <dd>{describe(usedBy('NameID'))}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="empty">This message has no subject.</p>
        )}
      </section>
      <section aria-label="Attributes">
        <h2>Attributes {simulation ? 'sent vs needed by the target' : 'sent'}</h2>
        {message.attributes.length === 0 && missingNames.length === 0 ? (
          <p className="empty">
            {message.assertion?.emptyAttributeStatement
              ? 'The assertion has an empty AttributeStatement: no attribute mappings are configured in AWS.'
              : 'No attributes were sent.'}
          </p>
        ) : (
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">Attribute</th>
                <th scope="col">Values</th>
                <th scope="col">Format</th>
                <th scope="col">Likely AWS mapping</th>
                <th scope="col">Signature</th>
                {showTarget && <th scope="col">Needed by target</th>}
              </tr>
            </thead>
            <tbody>
              {message.attributes.map((a, i) => (
                <tr key={`${a.name}-${i}`}>
                  <td className="mono">
                    {a.name}
                    {a.friendlyName && <div className="muted">{a.friendlyName}</div>}
                  </td>
                  <td className="mono">
                    {a.values.length === 0 ? <span className="muted">(no value)</span> : a.values.map((v, j) => <div key={j}>{v}</div>)}
                  </td>
                  <td className="mono">{shortFormat(a.nameFormat)}</td>
                  <td className="mono">{a.likelyAwsSource ?? <span className="muted">—</span>}</td>
                  <td>
                    <Verified ok={a.verified} />
                  </td>
                  {showTarget && <td>{describe(usedBy(a.name)) || <span className="muted">not used</span>}</td>}
                </tr>
              ))}
              {missingNames.map((name) => (
                <tr key={`missing-${name}`} data-missing-attribute={name}>
                  <td className="mono">{name}</td>
                  <td className="bad">not sent</td>
                  <td>—</td>
                  <td>—</td>
                  <td>—</td>
                  <td className="bad">{describe(usedBy(name))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {jitProblems.length > 0 && (
          <ul className="note">
            {jitProblems.map((f, i) => (
              <li key={i}>
                <strong>{f.title}:</strong> {f.message}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
