/**
 * Findings across the messages of one captured flow. Per-message checks have already run; this adds
 * what only the whole flow shows and keeps one finding per cause:
 * - a response with no InResponseTo while the SP was waiting for its request gets the flow-level
 *   flow.unsolicited (warning, naming the request) instead of the per-message one (IdP-initiated, info);
 * - a response the per-message check already flagged with flow.in-response-to-mismatch is not flagged again;
 * - a request answered by AWS's "No access" page gets flow.idp-error, not also flow.no-response;
 * - flow.relay-state-mismatch only for a response that names its request (relay-state-finding.ts).
 */
import { detectProfile } from '../checks/profile.js';
import type { Finding } from '../model/finding.js';
import { verdictOf } from '../model/finding.js';
import type { CapturedFlow } from '../model/input.js';
import type { MessageResult } from '../model/message.js';
import type { AnalysisOptions } from '../model/options.js';
import { inspectFlow } from './inspect-flow.js';
import { idpErrorFinding, spErrorFinding } from './page-findings.js';
import { acsMismatch, inResponseToMismatch, noResponse, unsolicitedDespiteRequest } from './pair-findings.js';
import { relayStateMismatch } from './relay-state-finding.js';

/** Note: replaces the per-message flow.unsolicited of a response the flow explains (and recomputes its verdict). */
export function analyzeFlow(flow: CapturedFlow, messages: MessageResult[], options: AnalysisOptions): Finding[] {
  const inspection = inspectFlow(flow, messages, options);
  const { app } = inspection;
  // Fixes name the AWS console only when the responses come from IAM Identity Center.
  const profile = messages.length > 0 && messages.every((m) => detectProfile(m, options).profile === 'generic') ? 'generic' : 'aws';
  const requests = inspection.linked.filter((m) => m.message.type === 'AuthnRequest');
  const findings: Finding[] = [];

  for (const pair of inspection.pairs) {
    const mismatch = inResponseToMismatch(pair, requests);
    if (mismatch) findings.push(mismatch);
    const unsolicited = unsolicitedDespiteRequest(pair, app);
    if (unsolicited) {
      const message = pair.response.message;
      message.findings = message.findings.filter((f) => f.id !== 'flow.unsolicited');
      message.verdict = verdictOf(message.findings);
      findings.push(unsolicited);
    }
    const acs = acsMismatch(pair, app, profile);
    if (acs) findings.push(acs);
    const relay = relayStateMismatch(pair, app, profile);
    if (relay) findings.push(relay);
    const page = inspection.spPages.get(pair);
    if (page) findings.push(spErrorFinding(page, pair.response, app));
  }

  const lastIndex = inspection.exchanges.at(-1)?.index ?? 0;
  for (const request of inspection.abandoned) {
    const page = inspection.idpPages.get(request);
    findings.push(page ? idpErrorFinding(page, request, app) : noResponse(request, app, lastIndex, profile));
  }
  return findings;
}
