/**
 * cert.rotation: the signature verifies only with the certificate in its own KeyInfo, while the issuer
 * is the configured IdP's. With IAM Identity Center that is what an activated-but-not-yet-distributed
 * new certificate looks like (https://docs.aws.amazon.com/singlesignon/latest/userguide/rotatecert.html). It is also what a forgery with a home-made
 * certificate looks like, so the fix never says to trust the KeyInfo certificate itself.
 */
import { atlassianSsoFix, atlassianTrustUpdateSteps } from '../fixes/atlassian.js';
import { awsConsolePath, awsMetadataDownloadStep, findAwsApplicationStep } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { CheckRun } from './check-run.js';
import { trustedFingerprints } from './trusted-certificates.js';

export function checkCertificateRotation(message: MessageResult, run: CheckRun): Finding[] {
  const expectedIssuer = run.options.idpMetadata?.entityId;
  const keyInfoOnly = message.signature.signatures.filter((s) => s.verifiesWithKeyInfoOnly === true);
  if (!expectedIssuer || keyInfoOnly.length === 0) return [];
  const issuers = [message.issuerDetail, message.responseIssuer].filter((i) => i !== undefined);
  if (issuers.length === 0 || issuers.some((i) => i.value !== expectedIssuer)) return [];

  const newCert = message.signature.keyInfoCertificates[0];
  const trusted = trustedFingerprints(run.options);
  const app = run.receivedAws ?? run.configuredAws;
  const aws = run.profile === 'aws';

  const evidence: Evidence[] = keyInfoOnly.map((s) => ({ location: s.location, value: 'verifies only with the certificate in its own KeyInfo' }));
  if (newCert) {
    evidence.push({
      location: `${keyInfoOnly[0]?.location ?? '/Response/Signature'}/KeyInfo/X509Data/X509Certificate`,
      value: `SHA-256 ${newCert.sha256Fingerprint}; valid ${newCert.notBefore} – ${newCert.notAfter}`,
      expected: trusted.length > 0 ? `one of the trusted certificates: ${trusted.join(', ')}` : 'a trusted IdP certificate',
    });
  }
  evidence.push({ location: 'IdP metadata: EntityDescriptor/@entityID', value: expectedIssuer });

  const parts = [
    `The response comes from the configured IdP (${expectedIssuer}) and its signature is intact, but it was made with a certificate the SP does not trust` +
      (newCert ? ` (SHA-256 ${newCert.sha256Fingerprint}, valid from ${newCert.notBefore})` : '') +
      '. The SP rejects every login until it trusts the new certificate.',
  ];
  if (aws) {
    parts.push(
      'This is what IAM Identity Center certificate rotation looks like: a new certificate was generated and set as active for the application before the Atlassian side received it. IAM Identity Center signs only with the active certificate.',
    );
  } else {
    parts.push('This usually means the IdP rotated its signing certificate before the SP was updated.');
  }
  parts.push('Anyone can put a certificate into KeyInfo, so take the new certificate from the IdP itself, never from the response.');

  const steps = aws
    ? [
        findAwsApplicationStep(app),
        `${awsConsolePath('Manage certificate')}: check that the active certificate's fingerprint is the one in this response${newCert ? ` (${newCert.sha256Fingerprint})` : ''}. If it is not, stop: the response is not from your application.`,
        awsMetadataDownloadStep(app),
        ...atlassianTrustUpdateSteps('the downloaded metadata'),
        `To restore logins immediately instead, set the previous certificate active again (${awsConsolePath('Manage certificate')} → select it → Actions → Set as active) and rotate later in the right order.`,
      ]
    : atlassianTrustUpdateSteps('the IdP\'s current metadata');

  return [
    makeFinding('cert.rotation', {
      message: parts.join(' '),
      evidence,
      inferred: true,
      fix: atlassianSsoFix({
        summary: aws
          ? 'Load the application\'s new IAM Identity Center certificate (from the AWS console or its metadata URL) into the Atlassian SSO settings.'
          : 'Load the IdP\'s new signing certificate (from the IdP, not from the response) into the Atlassian SSO settings.',
        field: 'Public x509 certificate',
        steps,
      }),
    }),
  ];
}
