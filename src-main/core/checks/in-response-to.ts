/**
 * flow.in-response-to-mismatch: the response answers another AuthnRequest than the one given with
 * --authn-request (or its Response and SubjectConfirmationData disagree).
 * flow.unsolicited: no InResponseTo at all, i.e. an IdP-initiated login such as an AWS access portal tile.
 */
import { awsConsolePath, awsFix } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { CheckRun } from './check-run.js';
import { assertionVerified, BEARER, responseVerified, subjectConfirmationPath } from './message-facts.js';

export function checkInResponseTo(message: MessageResult, run: CheckRun): Finding[] {
  const scdValues = message.subjectConfirmations
    .map((sc, i) => ({ i, value: sc.inResponseTo, method: sc.method }))
    .filter((s): s is { i: number; value: string; method: string } => s.value !== undefined && s.method === BEARER);
  const answered = message.inResponseTo ?? scdValues[0]?.value;
  const request = run.authnRequest;

  if (answered === undefined) return [unsolicited(message, run)];

  const evidence: Evidence[] = [];
  const problems: string[] = [];
  if (message.inResponseTo !== undefined) {
    evidence.push({ location: '/Response/@InResponseTo', value: message.inResponseTo, unverified: !responseVerified(message) });
  }
  for (const s of scdValues) {
    evidence.push({ location: subjectConfirmationPath(s.i, 'InResponseTo'), value: s.value, unverified: !assertionVerified(message) });
    if (message.inResponseTo !== undefined && s.value !== message.inResponseTo) {
      problems.push(`The Response answers ${message.inResponseTo} but its assertion's SubjectConfirmationData answers ${s.value}, which no genuine IdP produces.`);
    }
  }
  if (request?.id !== undefined && answered !== request.id) {
    problems.unshift(`The response answers request ${answered}, but the AuthnRequest given is ${request.id}.`);
    for (const e of evidence) e.expected = request.id;
    evidence.push({ location: 'AuthnRequest/@ID (--authn-request)', value: request.id });
  }
  if (problems.length === 0) return [];

  return [
    makeFinding('flow.in-response-to-mismatch', {
      message: `${problems.join(' ')} An SP that tracks its requests rejects a response to a request it did not send or no longer remembers.`,
      evidence,
      fix: {
        summary: 'Make sure the request and the response come from the same login attempt; if they do, start one login in one browser tab and keep it on one SP node.',
        where: 'samlscope-input',
        field: '--authn-request',
        steps: [
          'Capture the AuthnRequest and the Response of the same attempt (one HAR or SAML-tracer recording) and analyse them together.',
          'In a live failure: do not start several logins in parallel tabs, and do not reuse a bookmarked IdP URL that carries an old request.',
          'On a Data Center cluster, make the load balancer keep each user on one node (sticky sessions), so the node that sent the request receives the response.',
        ],
      },
    }),
  ];
}

function unsolicited(message: MessageResult, run: CheckRun): Finding {
  const aws = run.profile === 'aws';
  const request = run.authnRequest;
  const parts = ['The response has no InResponseTo: it was not requested by the SP (an IdP-initiated login).'];
  if (aws) parts.push('With IAM Identity Center this is what a click on the application\'s tile in the AWS access portal produces.');
  if (request?.id !== undefined) parts.push(`It does not answer the AuthnRequest given (${request.id}).`);
  parts.push('The SP must accept IdP-initiated logins for this to work; starting the login from the Atlassian side makes it SP-initiated.');
  const evidence: Evidence[] = [{ location: '/Response/@InResponseTo', unverified: !responseVerified(message) }];
  if (request?.id !== undefined) (evidence[0] as Evidence).expected = request.id;
  const app = run.receivedAws ?? run.configuredAws;
  const fix = aws
    ? awsFix('Edit configuration', {
        summary: 'Nothing to fix if the SP accepts IdP-initiated logins; otherwise let the portal tile start an SP-initiated login.',
        field: 'Application start URL',
        app,
        steps: [
          `To make the tile start an SP-initiated login, set "Application start URL" (${awsConsolePath('Edit configuration')} → Application properties) to the product's SSO login URL, so the SP sends an AuthnRequest first.`,
        ],
      })
    : { summary: 'Nothing to fix if the SP accepts IdP-initiated logins; otherwise start the login from the SP.', where: 'none' as const };
  return makeFinding('flow.unsolicited', { message: parts.join(' '), evidence, fix });
}
