/** What the IdP sent (NameID and attributes) beside what the target's JIT mappings need from it. */
import { useEffect, useState } from 'react';
import type { MessageResult } from '../../src-main/core/model/index.js';
import type { ProfileSummary, SimulationSummary } from '../../src-main/ipc/contract.js';
import { invoke } from '../api.js';
import { mappingsFromProfile, type MappingNeed } from '../lib/profile-mappings.js';

/** The target's mappings, read from its profile through main; empty while loading or without a target. */
function useProfileMappings(profile: ProfileSummary | undefined): MappingNeed[] {
  const [needs, setNeeds] = useState<MappingNeed[]>([]);
  useEffect(() => {
    setNeeds([]);
    if (!profile?.valid) return;
    let live = true;
    invoke('profiles:load', { id: profile.id }).then(
      (details) => live && setNeeds(mappingsFromProfile(details.content, details.engine)),
      () => undefined, // the column stays empty; the simulation's own findings still show what is missing
    );
    return () => {
      live = false;
    };
  }, [profile?.id, profile?.valid]);
  return needs;
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
      if (name && e.value === '(absent)' && !out.some((n) => n.attribute === name)) out.push({ field: f.title, expression: name, attribute: name });
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

interface Props {
  message: MessageResult;
  simulation: SimulationSummary | undefined;
  targetProfile: ProfileSummary | undefined;
}

export function AttributesPanel({ message, simulation, targetProfile }: Props) {
  const needs = [...useProfileMappings(targetProfile)];
  for (const m of missingFromFindings(simulation)) if (!needs.some((n) => n.attribute === m.attribute)) needs.push(m);
  const sent = new Set(message.attributes.map((a) => a.name));
  const usedBy = (name: string): MappingNeed[] => needs.filter((n) => n.attribute === name);
  const describe = (list: MappingNeed[]): string => list.map((n) => (n.expression === n.attribute ? n.field : `${n.field} (${n.expression})`)).join(', ');
  // One row per missing attribute, however many settings read it.
  const missingNames = [...new Set(needs.filter((n) => n.attribute !== 'NameID' && !sent.has(n.attribute)).map((n) => n.attribute))];
  const listed = new Set(needs.filter((n) => missingNames.includes(n.attribute)).map((n) => n.field));
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
