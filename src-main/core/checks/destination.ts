/** destination.mismatch: Response@Destination is not the SP's ACS URL. */
import { makeFinding } from '../findings/make-finding.js';
import type { Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import { acsUrlFix, compareWithAcs } from './acs-comparison.js';
import type { CheckRun } from './check-run.js';
import { expectedAcsUrls } from './expected-values.js';
import { responseVerified } from './message-facts.js';

export function checkDestination(message: MessageResult, run: CheckRun): Finding[] {
  if (message.destination === undefined) return [];
  const comparison = compareWithAcs(message.destination, expectedAcsUrls(run.options));
  if (!comparison) return [];
  const expected = comparison.expected.value;
  return [
    makeFinding('destination.mismatch', {
      message:
        `The response is addressed to ${message.destination} (Response Destination), but the SP's ACS URL is ${expected}: ${comparison.difference.description}. ` +
        'The SP rejects a response addressed to another URL. IAM Identity Center writes its "Application ACS URL" setting here, so that setting does not match the SP.',
      evidence: [
        { location: '/Response/@Destination', value: message.destination, expected, unverified: !responseVerified(message) },
        { location: comparison.expected.source, value: expected },
      ],
      fix: acsUrlFix(message.destination, comparison, run.receivedAws ?? run.configuredAws, run.profile),
    }),
  ];
}
