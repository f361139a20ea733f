/**
 * The Flow tab: a captured login (in-app capture, HAR, SAML-tracer) as the analysis saw it. First how
 * each response pairs with its request (by what, how long it took, RelayState, requested ACS URL vs
 * where the response was posted), then every exchange in order with its SAML messages, the answer page
 * recognised on it, and the findings that name it, each a link to its explanation and fix.
 */
import type { AnalysisResult, FlowTimeline, FlowTimelineEntry, FlowTimelinePair } from '../../src-main/core/model/index.js';
import type { PlacedFinding } from '../lib/findings.js';
import { carriersOf, findingsByExchange, firstInstant, formatMs, messageAt, offsetText, pairedByText, statusClass, withoutQuery } from '../lib/flow.js';

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

interface Props {
  results: AnalysisResult[];
  findings: PlacedFinding[];
  presentation: boolean;
  onShowFinding(key: string): void;
  /** Offered for an in-app capture: write it as HAR (main keeps the last one until another capture starts). */
  onSaveHar?: () => void;
}

function Code({ children }: { children: string | undefined }) {
  return children === undefined ? <span className="muted">—</span> : <code>{children}</code>;
}

function RelayState({ pair }: { pair: FlowTimelinePair }) {
  const r = pair.relayState;
  if (!r) return <span className="muted">None sent or returned</span>;
  if (r.echoed) {
    return (
      <>
        <span className="ok">Returned unchanged</span> <Code>{r.request}</Code>
      </>
    );
  }
  if (r.request === undefined) {
    return (
      <>
        <span className="muted">Only the IdP sent one:</span> <Code>{r.response}</Code>
      </>
    );
  }
  return (
    <>
      <span className="bad">Not returned unchanged</span>
      <span className="flow-kv">
        sent <Code>{r.request}</Code>
      </span>
      <span className="flow-kv">
        returned {r.response === undefined ? <span className="muted">nothing</span> : <Code>{r.response}</Code>}
      </span>
    </>
  );
}

function Acs({ pair, presentation }: { pair: FlowTimelinePair; presentation: boolean }) {
  const show = (url: string | undefined): string | undefined => (url !== undefined && presentation ? withoutQuery(url) : url);
  const requested = show(pair.requestedAcsUrl);
  const posted = show(pair.postedTo);
  if (requested === undefined) {
    return (
      <>
        <span className="muted">The request named none; posted to</span> <Code>{posted}</Code>
      </>
    );
  }
  const same = requested === posted;
  return (
    <>
      <span className={same ? 'ok' : 'bad'}>{same ? 'Posted to the requested ACS URL' : 'Posted elsewhere'}</span>
      <span className="flow-kv">
        requested <Code>{requested}</Code>
      </span>
      {!same && (
        <span className="flow-kv">
          posted to <Code>{posted}</Code>
        </span>
      )}
    </>
  );
}

function Pair({ pair, result, carriers, presentation }: { pair: FlowTimelinePair; result: AnalysisResult; carriers: Map<number, number>; presentation: boolean }) {
  const request = messageAt(result, pair.requestMessageIndex);
  const response = messageAt(result, pair.responseMessageIndex);
  const at = (i: number | undefined): string => {
    const ex = i === undefined ? undefined : carriers.get(i);
    return ex === undefined ? '' : ` (exchange ${ex + 1})`;
  };
  return (
    <article className="flow-pair card" data-paired-by={pair.pairedBy}>
      <h3 className="flow-pair-head">
        {request ? (
          <span>
            {request.type} <Code>{request.id}</Code>
            {at(pair.requestMessageIndex)}
          </span>
        ) : (
          <span className="muted">No request</span>
        )}
        <span>
          <span aria-hidden="true" className="arrow">
            →
          </span>
          <span className="visually-hidden">answered by </span>
          {response?.type ?? 'Response'} <Code>{response?.id}</Code>
          {at(pair.responseMessageIndex)}
        </span>
      </h3>
      <dl className="facts">
        <dt>Paired by</dt>
        <dd className={pair.pairedBy === 'in-response-to' ? undefined : 'warn-text'}>{pairedByText(pair, response)}</dd>
        <dt>Elapsed</dt>
        <dd>{pair.elapsedMs !== undefined ? formatMs(pair.elapsedMs) : <span className="muted">No times in the capture</span>}</dd>
        <dt>RelayState</dt>
        <dd data-testid="flow-relay-state">
          <RelayState pair={pair} />
        </dd>
        <dt>ACS URL</dt>
        <dd>
          <Acs pair={pair} presentation={presentation} />
        </dd>
      </dl>
    </article>
  );
}

function Step({ entry, first, linked, presentation, onShowFinding, anchor }: { entry: FlowTimelineEntry; first: number | undefined; linked: PlacedFinding[]; presentation: boolean; onShowFinding(key: string): void; anchor: string }) {
  const url = presentation ? withoutQuery(entry.url) : entry.url;
  const offset = offsetText(entry.startedAt, first);
  const saml = entry.messages.length > 0;
  const worst = linked.find((p) => p.finding.severity === 'error') ?? linked.find((p) => p.finding.severity === 'warning');
  return (
    <li className={`flow-step${saml ? ' saml' : ''}${entry.page ? ' page' : ''}${worst ? ` has-${worst.finding.severity}` : ''}`} id={anchor} data-exchange={entry.exchangeIndex}>
      <div className="flow-step-head">
        <span className="flow-num" title={`Exchange ${entry.exchangeIndex + 1}`}>
          {entry.exchangeIndex + 1}
        </span>
        <span className="flow-method">{entry.method}</span>
        <span className="flow-url mono" title={url}>
          {url}
        </span>
        <span className={`badge http ${statusClass(entry.status)}`}>{entry.status !== undefined && entry.status !== 0 ? entry.status : 'no answer'}</span>
        {offset && <span className="flow-time">{offset}</span>}
      </div>
      {saml && (
        <ul className="flow-messages">
          {entry.messages.map((m) => (
            <li key={m.messageIndex}>
              <span className="badge saml">{m.type}</span> <Code>{m.id}</Code>
              {m.inResponseTo !== undefined && (
                <>
                  {' '}
                  <span className="muted">answers</span> <Code>{m.inResponseTo}</Code>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {entry.page && (
        <p className={`flow-page ${entry.page.side}`} data-page-kind={entry.page.kind}>
          <strong>{entry.page.side === 'sp' ? 'SP answer page' : 'IAM Identity Center page'}:</strong> {entry.page.text}
        </p>
      )}
      {linked.length > 0 && (
        <ul className="flow-findings" aria-label={`Findings about exchange ${entry.exchangeIndex + 1}`}>
          {linked.map((p) => (
            <li key={p.key} data-flow-finding={p.finding.id}>
              <span className={`badge ${p.finding.severity}`}>{SEVERITY_WORD[p.finding.severity]}</span>{' '}
              <button type="button" className="link" onClick={() => onShowFinding(p.key)} title="Show the explanation and the fix in Findings">
                {p.finding.title}
              </button>{' '}
              <code className="muted">{p.finding.id}</code>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function FlowOfResult({ result, flow, r, findings, presentation, onShowFinding, onSaveHar, many }: Omit<Props, 'results'> & { result: AnalysisResult; flow: FlowTimeline; r: number; many: boolean }) {
  const placed = findings.filter((p) => result.findings.includes(p.finding) || result.messages.some((m) => m.findings.includes(p.finding)));
  const linked = findingsByExchange(result, flow.entries, placed);
  const carriers = carriersOf(flow.entries);
  const first = firstInstant(flow.entries);
  const messages = flow.entries.reduce((n, e) => n + e.messages.length, 0);
  const linkedCount = [...linked.values()].reduce((n, l) => n + l.length, 0);
  return (
    <section className="flow" aria-label={many ? `Flow of ${result.input.source}` : 'Flow'}>
      <div className="flow-summary">
        <p className="note">
          {many && <strong>{result.input.source}: </strong>}
          {flow.entries.length} exchange{flow.entries.length === 1 ? '' : 's'}, {messages} SAML message{messages === 1 ? '' : 's'}, {flow.pairs.length} request–response pair
          {flow.pairs.length === 1 ? '' : 's'}, {linkedCount} finding{linkedCount === 1 ? '' : 's'} about the flow.
          {presentation ? ' URLs are shown without their query strings.' : ''}
        </p>
        {onSaveHar && result.input.detected === 'capture' && (
          <button type="button" className="btn small" onClick={onSaveHar} title="Write this capture as a HAR file (it holds the SAML messages and personal data)">
            Save capture as HAR…
          </button>
        )}
      </div>
      <h2>Request ↔ response</h2>
      {flow.pairs.length === 0 ? (
        <p className="empty">No SAML response in this capture, so nothing to pair.</p>
      ) : (
        <div className="flow-pairs">
          {flow.pairs.map((pair, i) => (
            <Pair key={i} pair={pair} result={result} carriers={carriers} presentation={presentation} />
          ))}
        </div>
      )}
      <h2>Exchanges in order</h2>
      <ol className="flow-steps">
        {flow.entries.map((entry) => (
          <Step
            key={entry.exchangeIndex}
            entry={entry}
            first={first}
            linked={linked.get(entry.exchangeIndex) ?? []}
            presentation={presentation}
            onShowFinding={onShowFinding}
            anchor={`flow-${r}-${entry.exchangeIndex}`}
          />
        ))}
      </ol>
    </section>
  );
}

export function FlowPanel({ results, ...rest }: Props) {
  const flows = results.map((result, r) => ({ result, r, flow: result.flow })).filter((x): x is { result: AnalysisResult; r: number; flow: FlowTimeline } => x.flow !== undefined);
  if (flows.length === 0) return <p className="empty">This input is not a captured login, so there is no flow to show.</p>;
  return (
    <>
      {flows.map(({ result, r, flow }) => (
        <FlowOfResult key={r} result={result} flow={flow} r={r} many={flows.length > 1} {...rest} />
      ))}
    </>
  );
}
