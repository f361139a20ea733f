/** What the IdP sent (NameID and attributes) beside what the target's JIT mappings need from it. */
import type { MessageResult } from '../../src-main/core/model/index.js';
import type { SimulationSummary } from '../../src-main/ipc/contract.js';

/**
 * One mapping of the target profile (e.g. e-mail ← `${email}`), when the simulation reports them.
 * Read defensively: the contract's SimulationSummary may add `mappings` later.
 */
interface MappingNeed {
  field: string;
  expression?: string;
  attribute: string;
  value?: string;
  problem?: string;
}

function mappingsOf(sim: SimulationSummary | undefined): MappingNeed[] {
  const raw = (sim as unknown as { mappings?: unknown } | undefined)?.mappings;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (m): m is MappingNeed => typeof m === 'object' && m !== null && typeof (m as MappingNeed).field === 'string' && typeof (m as MappingNeed).attribute === 'string',
  );
}

/**
 * Attributes the simulation found missing, read from its findings' evidence
 * (`…/Attribute[@Name="groups"]` with the value `(absent)`), so they appear as rows of the table.
 */
function missingFromFindings(sim: SimulationSummary | undefined): MappingNeed[] {
  const out: MappingNeed[] = [];
  for (const f of sim?.findings ?? []) {
    for (const e of f.evidence) {
      const name = /Attribute\[@Name=["']([^"']+)["']\]/.exec(e.location)?.[1];
      if (name && e.value === '(absent)' && !out.some((n) => n.attribute === name)) out.push({ field: f.title, attribute: name });
    }
  }
  return out;
}

function shortFormat(format: string | undefined): string {
  if (!format) return '—';
  return format.slice(format.lastIndexOf(':') + 1);
}

function Verified({ ok }: { ok: boolean }) {
  return ok ? <span className="ok">signed</span> : <span className="warn-text" title="No trusted signature covers this value">not covered</span>;
}

export function AttributesPanel({ message, simulation }: { message: MessageResult; simulation: SimulationSummary | undefined }) {
  const needs = [...mappingsOf(simulation)];
  for (const m of missingFromFindings(simulation)) if (!needs.some((n) => n.attribute === m.attribute)) needs.push(m);
  const sent = new Set(message.attributes.map((a) => a.name));
  const usedBy = (name: string): MappingNeed[] => needs.filter((n) => n.attribute === name);
  const missing = needs.filter((n) => n.attribute.toLowerCase() !== 'nameid' && !sent.has(n.attribute));
  const listed = new Set(missing.map((n) => n.field));
  const jitProblems = simulation?.findings.filter((f) => (f.id === 'jit.attribute-missing' || f.id === 'jit.groups-not-sent') && !listed.has(f.title)) ?? [];
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
                <dd>{usedBy('NameID').map((n) => n.field).join(', ')}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="empty">This message has no subject.</p>
        )}
      </section>
      <section aria-label="Attributes">
        <h2>Attributes {simulation ? 'sent vs needed by the target' : 'sent'}</h2>
        {message.attributes.length === 0 && missing.length === 0 ? (
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
                  {showTarget && <td>{usedBy(a.name).map((n) => n.field).join(', ') || <span className="muted">not used</span>}</td>}
                </tr>
              ))}
              {missing.map((n) => (
                <tr key={`missing-${n.field}`}>
                  <td className="mono">{n.attribute}</td>
                  <td className="bad">not sent</td>
                  <td>—</td>
                  <td>—</td>
                  <td>—</td>
                  <td>
                    {n.field}
                    {n.problem && <div className="bad">{n.problem}</div>}
                  </td>
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
