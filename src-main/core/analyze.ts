import type { Finding } from './model/finding.js';
import { sortFindings, verdictOf } from './model/finding.js';
import type { AnalyzeInput, DecodedMessage } from './model/input.js';
import type { MessageResult } from './model/message.js';
import type { AnalysisOptions } from './model/options.js';
import { SCHEMA_VERSION, type AnalysisContext, type AnalysisResult, type DetectedInput } from './model/result.js';
import { reportedOnce } from './findings/catalog.js';
import { makeFinding } from './findings/make-finding.js';
import { annotateAwsAttributes } from './aws/attribute-source.js';
import { detectProfile, runMessageChecks } from './checks/index.js';
import { decodeInput } from './input/decode.js';
import { analyzeFlow, buildFlowTimeline, extractFlowMessages } from './flow/index.js';
import { readMessage, type ParsedMessage } from './saml/analyze-message.js';
import { messageTypeOf } from './saml/read-protocol.js';
import type { TrustAnchor } from './signature/check-signature.js';
import { trustAnchorsOf } from './signature/trust-anchors.js';
import { spSigningKeysOf } from './signature/sp-signing-keys.js';
import { XmlInputError, parseStrictXml } from './xml/strict-parse.js';

const INPUT_FIX = { summary: 'Paste or load the SAMLResponse exactly as the browser posted it (the form field value, the whole URL, or the decoded XML).', where: 'samlscope-input' as const };

/** Parses a decoded message strictly; a refusal becomes an input-level finding naming what and where. */
function parseMessage(decoded: DecodedMessage): ParsedMessage | Finding {
  const xml = decoded.xml.charCodeAt(0) === 0xfeff ? decoded.xml.slice(1) : decoded.xml;
  try {
    const doc = parseStrictXml(xml, `SAML message (${decoded.origin})`);
    const root = doc.documentElement!;
    const type = messageTypeOf(root);
    if (!type) {
      const what = root.localName === 'EntityDescriptor' || root.localName === 'EntitiesDescriptor'
        ? ' This is SAML metadata: give it with --idp-metadata or --sp-metadata instead.'
        : root.localName === 'Assertion' ? ' This is a bare Assertion: paste the whole Response that contains it.' : '';
      return makeFinding('input.unrecognized', {
        message: `The document's root element is <${root.nodeName}> (namespace ${root.namespaceURI ?? 'none'}), not a SAML 2.0 protocol message (Response, AuthnRequest, LogoutRequest or LogoutResponse).${what}`,
        fix: INPUT_FIX,
        evidence: [{ location: decoded.origin, value: `<${root.nodeName}>` }],
      });
    }
    return { decoded, doc, xml, type };
  } catch (error) {
    if (!(error instanceof XmlInputError)) throw error;
    const where = error.line !== undefined ? `line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ''}` : decoded.origin;
    return makeFinding(error.findingId, {
      message: error.message,
      fix: INPUT_FIX,
      evidence: [{ location: `${decoded.origin}, ${where}` }],
    });
  }
}

interface DecodedInput {
  detected: DetectedInput;
  messages: DecodedMessage[];
  findings: Finding[];
  /** When each message was captured, for flows. */
  capturedAt?: Array<string | undefined>;
}

function decodeAll(input: AnalyzeInput): DecodedInput {
  if ('flow' in input) {
    const extracted = extractFlowMessages(input.flow);
    return { detected: input.kind, messages: extracted.messages, findings: extracted.findings, capturedAt: extracted.capturedAt };
  }
  const decoded = decodeInput(input.content);
  if (!decoded.ok) return { detected: decoded.detected, messages: [], findings: [decoded.finding] };
  return { detected: decoded.detected, messages: decoded.messages, findings: [] };
}

/** A captured message is judged at the instant it was captured, unless the user fixed the clock. */
function messageClock(options: AnalysisOptions, capturedAt: string | undefined): AnalysisOptions {
  if (options.nowIsExplicit || !capturedAt) return options;
  const at = new Date(capturedAt);
  return Number.isNaN(at.getTime()) ? options : { ...options, now: at };
}

/** Judged just after it was sent: one minute after the IssueInstant, so the message's own window is open. */
const ISSUE_INSTANT_OFFSET_MS = 60_000;

/**
 * The `issue-instant` clock policy: the login message (the last Response, else the first message) sets
 * the instant every message of this input is judged at. Without an IssueInstant, `now` stays.
 */
function withClockPolicy(options: AnalysisOptions, parsed: ReadonlyArray<ParsedMessage | Finding>): AnalysisOptions {
  if (options.clockPolicy !== 'issue-instant') return options;
  const documents = parsed.filter((p): p is ParsedMessage => 'doc' in p);
  const responses = documents.filter((p) => p.type === 'Response');
  const login = responses[responses.length - 1] ?? documents[0];
  const issued = Date.parse(login?.doc.documentElement?.getAttribute('IssueInstant') ?? '');
  if (Number.isNaN(issued)) return options;
  return { ...options, now: new Date(issued + ISSUE_INSTANT_OFFSET_MS), nowIsExplicit: true };
}

/** Reads the AuthnRequest given alongside the response (--authn-request), for the InResponseTo check. */
async function readAuthnRequestOption(options: AnalysisOptions, anchors: TrustAnchor[]): Promise<{ request?: MessageResult; findings: Finding[] }> {
  if (!options.authnRequest) return { findings: [] };
  const decoded = decodeInput(options.authnRequest);
  if (!decoded.ok) return { findings: [{ ...decoded.finding, message: `--authn-request: ${decoded.finding.message}` }] };
  const first = decoded.messages[0];
  if (!first) return { findings: [] };
  const parsed = parseMessage({ ...first, origin: `--authn-request (${first.origin})` });
  if (!('doc' in parsed)) return { findings: [parsed] };
  return { request: await readMessage(parsed, -1, anchors, [], undefined, { spSigningKeys: spSigningKeysOf(options), profile: options.profile }), findings: [] };
}

/**
 * The diagnosis engine's entry point: decode the input, verify and read every SAML message in it,
 * run the protocol and profile checks, and analyse the flow when there are several messages.
 * Pure: everything it needs is in `input` and `options`.
 */
export async function analyze(input: AnalyzeInput, options: AnalysisOptions): Promise<AnalysisResult> {
  const { anchors, findings: trustFindings } = trustAnchorsOf(options);
  const decoded = decodeAll(input);
  const inputFindings: Finding[] = [...trustFindings, ...decoded.findings];
  const authn = await readAuthnRequestOption(options, anchors);
  inputFindings.push(...authn.findings);

  const messages: MessageResult[] = [];
  let context: AnalysisContext | undefined;
  const parsedMessages = decoded.messages.map(parseMessage);
  options = withClockPolicy(options, parsedMessages);
  for (const [i, parsed] of parsedMessages.entries()) {
    if (!('doc' in parsed)) {
      inputFindings.push(parsed);
      continue;
    }
    const message = await readMessage(parsed, messages.length, anchors, options.spPrivateKeys, options.idpMetadata?.entityId, { spSigningKeys: spSigningKeysOf(options), profile: options.profile });
    const { profile, aws } = detectProfile(message, options);
    if (!context || (aws && !context.aws)) {
      context = { profile, now: options.now.toISOString(), clockSkewSeconds: options.clockSkewSeconds };
      if (aws) context.aws = aws;
    }
    if (profile === 'aws') message.attributes = annotateAwsAttributes(message);
    const judgedAt = messageClock(options, decoded.capturedAt?.[i]);
    message.judgedAt = judgedAt.now.toISOString();
    message.findings.push(...runMessageChecks(message, { options: judgedAt, profile, ...(authn.request ? { authnRequest: authn.request } : {}) }));
    message.findings = sortFindings(message.findings);
    message.verdict = verdictOf(message.findings);
    messages.push(message);
  }

  if (messages.length === 0 && inputFindings.length === 0) {
    inputFindings.push(makeFinding('input.unrecognized', {
      message: 'The input contains no SAML message.',
      fix: INPUT_FIX,
      evidence: [{ location: input.source }],
    }));
  }
  dropRepeatedConfigurationFindings(messages);
  if ('flow' in input) inputFindings.push(...analyzeFlow(input.flow, messages, options));

  const result: AnalysisResult = {
    schemaVersion: SCHEMA_VERSION,
    input: { source: input.source, detected: decoded.detected },
    findings: sortFindings(inputFindings),
    messages,
  };
  if ('flow' in input) result.flow = buildFlowTimeline(input.flow, messages, options);
  result.context = context ?? { profile: options.profile === 'aws' ? 'aws' : 'generic', now: options.now.toISOString(), clockSkewSeconds: options.clockSkewSeconds };
  return result;
}

/**
 * Findings about the configuration (the catalog's `reportOnce`, e.g. the configured certificates), not a message:
 * in a capture with several responses, report each one once, on the first message that raised it.
 */
function dropRepeatedConfigurationFindings(messages: MessageResult[]): void {
  const seen = new Set<string>();
  for (const message of messages) {
    const before = message.findings.length;
    message.findings = message.findings.filter((f) => {
      if (!reportedOnce(f.id)) return true;
      const key = `${f.id} ${f.evidence.map((e) => `${e.location}=${e.value ?? ''}`).join('|')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (message.findings.length !== before) message.verdict = verdictOf(message.findings);
  }
}

/** fail when any message fails or the input itself has an error; the CLI's exit code follows it. */
export function resultFails(result: AnalysisResult): boolean {
  return result.findings.some((f) => f.severity === 'error') || result.messages.some((m) => m.verdict === 'fail') || result.messages.length === 0;
}
