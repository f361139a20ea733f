/** recipient.mismatch: a bearer SubjectConfirmationData@Recipient is not the SP's ACS URL. */
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import { acsUrlFix, compareWithAcs, type AcsComparison } from './acs-comparison.js';
import type { CheckRun } from './check-run.js';
import { expectedAcsUrls } from './expected-values.js';
import { BEARER, assertionVerified, subjectConfirmationPath } from './message-facts.js';

export function checkRecipient(message: MessageResult, run: CheckRun): Finding[] {
  const expected = expectedAcsUrls(run.options);
  const mismatches: Array<{ index: number; recipient: string; comparison: AcsComparison }> = [];
  message.subjectConfirmations.forEach((sc, index) => {
    if (sc.method !== BEARER || sc.recipient === undefined) return;
    const comparison = compareWithAcs(sc.recipient, expected);
    if (comparison) mismatches.push({ index, recipient: sc.recipient, comparison });
  });
  const first = mismatches[0];
  if (!first) return [];

  const expectedUrl = first.comparison.expected.value;
  const evidence: Evidence[] = mismatches.map((m) => ({
    location: subjectConfirmationPath(m.index, 'Recipient'),
    value: m.recipient,
    expected: m.comparison.expected.value,
    unverified: !assertionVerified(message),
  }));
  evidence.push({ location: first.comparison.expected.source, value: expectedUrl });
  return [
    makeFinding('recipient.mismatch', {
      message:
        `The assertion may only be delivered to ${first.recipient} (SubjectConfirmationData Recipient), but the SP's ACS URL is ${expectedUrl}: ${first.comparison.difference.description}. ` +
        'The SP rejects an assertion meant for another recipient. IAM Identity Center writes its "Application ACS URL" setting here.',
      evidence,
      fix: acsUrlFix(first.recipient, first.comparison, run.receivedAws ?? run.configuredAws, run.profile),
    }),
  ];
}
