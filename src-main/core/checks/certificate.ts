/**
 * cert.expired, cert.not-yet-valid, cert.expiring (≤ 90 days, the threshold at which AWS's console turns the certificate
 * yellow: https://docs.aws.amazon.com/singlesignon/latest/userguide/certexpirationindicators.html) and cert.weak-key (RSA below 2048 bits;
 * AWS still offers 1024-bit keys when a certificate is generated: https://docs.aws.amazon.com/singlesignon/latest/userguide/rotatecert.html) on the certificate that verified the message and every trusted IdP certificate.
 */
import { atlassianTrustUpdateSteps } from '../fixes/atlassian.js';
import { awsCertificateRotationSteps, awsFix } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding, Fix } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { AwsIssuerInfo } from '../model/result.js';
import type { CheckRun } from './check-run.js';
import { certificatesToJudge, type JudgedCertificate } from './trusted-certificates.js';

export const EXPIRY_WARNING_DAYS = 90;
const DAY_MS = 86_400_000;

function describe(c: JudgedCertificate): string {
  return `${c.signedThisMessage ? 'The IdP signing certificate that verified this response' : 'A trusted IdP signing certificate'} (SHA-256 ${c.info.sha256Fingerprint}, ${c.info.subject})`;
}

function certEvidence(c: JudgedCertificate, value: string, expected?: string): Evidence {
  const e: Evidence = { location: c.origin, value: `SHA-256 ${c.info.sha256Fingerprint}; ${value}` };
  if (expected !== undefined) e.expected = expected;
  return e;
}

export function checkCertificates(message: MessageResult, run: CheckRun): Finding[] {
  const now = run.options.now.getTime();
  const findings: Finding[] = [];
  const app = run.receivedAws ?? run.configuredAws;
  for (const c of certificatesToJudge(message, run.options)) {
    const notAfter = Date.parse(c.info.notAfter);
    const daysLeft = Math.floor((notAfter - now) / DAY_MS);
    if (notAfter <= now) {
      findings.push(
        makeFinding('cert.expired', {
          message:
            `${describe(c)} expired on ${c.info.notAfter}, ${Math.max(1, -daysLeft)} day(s) ago. ` +
            `${run.profile === 'aws' ? 'AWS\'s console shows it red. ' : ''}An SP that checks certificate validity rejects every login signed with it, and the others keep trusting a key past its intended life: rotate it.`,
          evidence: [certEvidence(c, `notAfter ${c.info.notAfter}`, `a notAfter later than ${run.options.now.toISOString()}`)],
          fix: rotationFix('Generate a new IAM Identity Center certificate for the application, give it to the Atlassian side, then make it active.', run, app),
        }),
      );
    } else if (notAfter - now <= EXPIRY_WARNING_DAYS * DAY_MS) {
      findings.push(
        makeFinding('cert.expiring', {
          message:
            `${describe(c)} expires on ${c.info.notAfter}, in ${daysLeft} day(s).${run.profile === 'aws' ? ` AWS's console marks certificates yellow from ${EXPIRY_WARNING_DAYS} days before expiry.` : ''} ` +
            'Rotate it before then; the rotation needs a change on the Atlassian side too, so plan it off-peak.',
          evidence: [certEvidence(c, `notAfter ${c.info.notAfter}`)],
          fix: rotationFix('Rotate the certificate before it expires: generate a new one in IAM Identity Center, give it to the Atlassian side, then make it active.', run, app),
        }),
      );
    }
    const notBefore = Date.parse(c.info.notBefore);
    if (notBefore > now) findings.push(notYetValid(c, notBefore, run));
    if (isWeak(c)) {
      findings.push(
        makeFinding('cert.weak-key', {
          message: `${describe(c)} has a ${c.info.keySize}-bit ${c.info.keyType.toUpperCase()} key. Keys below 2048 bits can be factored with feasible effort${run.profile === 'aws' ? '; AWS offers 2048-bit RSA when you generate a certificate' : ''}.`,
          evidence: [certEvidence(c, `${c.info.keyType.toUpperCase()} ${c.info.keySize} bits`, c.info.keyType.toLowerCase() === 'ec' ? 'at least 256 bits' : 'RSA 2048 bits or more')],
          fix: rotationFix('Generate a new certificate with Key size 2048-bit RSA and Algorithm SHA-256, give it to the Atlassian side, then make it active.', run, app),
        }),
      );
    }
  }
  return findings;
}

/**
 * A configured certificate whose validity has not begun. samlscope still trusts it (trust comes from
 * configuration, like an expired one), but an SP or IdP that checks validity refuses it until then.
 */
function notYetValid(c: JudgedCertificate, notBefore: number, run: CheckRun): Finding {
  const days = Math.ceil((notBefore - run.options.now.getTime()) / DAY_MS);
  return makeFinding('cert.not-yet-valid', {
    message:
      `${describe(c)} is valid only from ${c.info.notBefore}, ${days} day(s) after ${run.options.now.toISOString()}, the time this message is judged at. ` +
      'samlscope trusts it because it is configured, but an SP that checks certificate validity rejects logins signed with it until then. ' +
      'A certificate is normally valid from the moment it is made, so a start date in the future points at a wrong clock: the one of the machine that issued it, or the time samlscope judged at.',
    evidence: [certEvidence(c, `notBefore ${c.info.notBefore}`, `a notBefore earlier than ${run.options.now.toISOString()}`)],
    fix: {
      summary: `Check the time samlscope judged at (the capture time, or --now) and the clock of the ${run.profile === 'aws' ? 'system that generated the certificate' : 'IdP that issued the certificate'}; until the start date, sign with a certificate that is already valid.`,
      where: 'clock',
      field: 'Certificate notBefore / system clock',
      value: c.info.notBefore,
    },
  });
}

function isWeak(c: JudgedCertificate): boolean {
  const bits = c.info.keySize;
  if (bits === undefined) return false;
  const type = c.info.keyType.toLowerCase();
  if (type === 'rsa' || type === 'rsa-pss' || type === 'dsa') return bits < 2048;
  if (type === 'ec') return bits < 256;
  return false;
}

function rotationFix(summary: string, run: CheckRun, app: AwsIssuerInfo | undefined): Fix {
  const atlassianSteps = atlassianTrustUpdateSteps('the new certificate (or the application\'s metadata downloaded after generating it)');
  if (run.profile === 'aws') {
    const [generate, upload, activate, remove] = awsCertificateRotationSteps();
    return awsFix('Manage certificate', {
      summary,
      app,
      steps: [generate, upload, ...atlassianSteps, activate, remove].filter((s): s is string => s !== undefined),
    });
  }
  return {
    summary: 'Issue a new signing certificate (RSA 2048 or more) at the IdP, add it to the SP\'s trusted IdP certificates, then switch the IdP to it.',
    where: 'atlassian-sso',
    field: 'Public x509 certificate',
    steps: atlassianSteps,
  };
}
