/**
 * subject.confirmation: the Web Browser SSO profile needs a bearer SubjectConfirmation whose data
 * carries Recipient and NotOnOrAfter (SAML profiles §4.1.4.2). IAM Identity Center sends one; a
 * response without it comes from another IdP or was altered on the way.
 */
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding, Fix } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { CheckRun } from './check-run.js';
import { expectedAcsUrls } from './expected-values.js';
import { assertionReadable, assertionVerified, BEARER, subjectConfirmationPath } from './message-facts.js';

export function checkSubjectConfirmation(message: MessageResult, run: CheckRun): Finding[] {
  if (!assertionReadable(message) || (message.subject === undefined && message.subjectConfirmations.length === 0)) return [];
  const unverified = !assertionVerified(message);
  const bearers = message.subjectConfirmations.map((sc, i) => ({ sc, i })).filter(({ sc }) => sc.method === BEARER);
  const usable = bearers.filter(({ sc }) => sc.recipient !== undefined && sc.notOnOrAfter !== undefined);
  if (usable.length > 0) return [];

  let explanation: string;
  const evidence: Evidence[] = [];
  if (bearers.length === 0) {
    const methods = message.subjectConfirmations.map((sc) => sc.method);
    explanation =
      methods.length === 0
        ? 'The assertion\'s Subject has no SubjectConfirmation at all.'
        : `The assertion's Subject is confirmed only by ${methods.join(', ')}, not by the bearer method (${BEARER}).`;
    message.subjectConfirmations.forEach((sc, i) =>
      evidence.push({ location: `/Response/Assertion/Subject/SubjectConfirmation[${i + 1}]/@Method`, value: sc.method, expected: BEARER, unverified }),
    );
    if (methods.length === 0) evidence.push({ location: '/Response/Assertion/Subject/SubjectConfirmation/@Method', expected: BEARER, unverified });
  } else {
    const missing: string[] = [];
    for (const { sc, i } of bearers) {
      if (sc.recipient === undefined) {
        missing.push('Recipient');
        evidence.push({ location: subjectConfirmationPath(i, 'Recipient'), expected: expectedAcsUrls(run.options)[0]?.value ?? 'the SP ACS URL', unverified });
      }
      if (sc.notOnOrAfter === undefined) {
        missing.push('NotOnOrAfter');
        evidence.push({ location: subjectConfirmationPath(i, 'NotOnOrAfter'), expected: 'a time a few minutes after IssueInstant', unverified });
      }
    }
    explanation = `The bearer SubjectConfirmation lacks ${[...new Set(missing)].join(' and ')} in its SubjectConfirmationData, so the SP cannot tell where and until when the assertion may be used.`;
  }
  const aws = run.profile === 'aws';
  const parts = [explanation, 'The SP accepts only a bearer confirmation for a browser login, so it rejects this assertion.'];
  if (aws) parts.push('IAM Identity Center always sends one: this response was produced or changed by something else (another IdP, a proxy, or a test tool).');
  return [makeFinding('subject.confirmation', { message: parts.join(' '), evidence, fix: subjectConfirmationFix(aws, expectedAcsUrls(run.options)[0]?.value) })];
}

function subjectConfirmationFix(aws: boolean, acsUrl: string | undefined): Fix {
  if (aws) {
    return {
      summary: 'Capture the response as IAM Identity Center sends it (browser to SP, no proxy that rewrites SAML) and find what produced this one.',
      where: 'none',
      steps: [
        'Record the login with a HAR or SAML-tracer and check that the Response posted to the SP comes straight from portal.sso.<region>.amazonaws.com.',
        'If a proxy or a second IdP sits between, configure it to keep the bearer SubjectConfirmation with Recipient and NotOnOrAfter.',
      ],
    };
  }
  const fix: Fix = {
    summary: `Configure the IdP to send a bearer SubjectConfirmation (Method ${BEARER}) with Recipient${acsUrl ? ` = ${acsUrl}` : ' = the SP ACS URL'} and NotOnOrAfter.`,
    where: 'none',
    field: 'SubjectConfirmationData/@Recipient',
  };
  if (acsUrl) fix.value = acsUrl;
  return fix;
}
