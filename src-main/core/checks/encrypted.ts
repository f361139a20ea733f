/**
 * assertion.encrypted (info): the assertion arrived as EncryptedAssertion. AWS documents no assertion
 * encryption for custom SAML applications (https://docs.aws.amazon.com/singlesignon/latest/userguide/samlapps.html), so with the AWS profile an encrypted assertion
 * points at another IdP or a proxy in between.
 */
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { CheckRun } from './check-run.js';

export function checkEncrypted(message: MessageResult, run: CheckRun): Finding[] {
  if (!message.assertion?.encrypted) return [];
  const decryptedWith = message.assertion.decryptedWith;
  const parts = [
    decryptedWith
      ? `The assertion arrived encrypted (EncryptedAssertion) and was decrypted with the SP key from ${decryptedWith}.`
      : 'The assertion arrived encrypted (EncryptedAssertion) and none of the SP keys given could decrypt it.',
  ];
  if (run.profile === 'aws') {
    parts.push(
      'IAM Identity Center does not encrypt assertions for custom SAML applications, so this response was probably produced by another IdP or re-issued by a proxy between AWS and the Atlassian product.',
    );
  }
  const evidence: Evidence[] = [{ location: '/Response/EncryptedAssertion' }];
  if (decryptedWith) evidence.push({ location: 'SP private key', value: decryptedWith });
  return [
    makeFinding('assertion.encrypted', {
      message: parts.join(' '),
      evidence,
      inferred: run.profile === 'aws',
      fix:
        run.profile === 'aws'
          ? {
              summary: 'Find out which system encrypted the assertion: record the login and check that the Response posted to the SP comes straight from portal.sso.<region>.amazonaws.com.',
              where: 'none',
              steps: ['If a proxy or another IdP sits between AWS and the product, make sure the SP trusts that system\'s certificate and entity ID, not AWS\'s.'],
            }
          : decryptedWith
            ? { summary: 'Nothing to change: the SP can decrypt the assertion.', where: 'none' }
            : {
                summary: 'Give samlscope the SP\'s private decryption key (the one whose certificate the IdP encrypts for) to read the assertion.',
                where: 'samlscope-input',
                field: 'SP private key',
              },
    }),
  ];
}
