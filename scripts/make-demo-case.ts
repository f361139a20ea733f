/**
 * Writes the demo case: a DEMO-ONLY IdP key pair shaped like AWS IAM Identity Center's, its IdP
 * metadata, and signed AWS-shaped responses for the Jira example (assets/examples/jira-atlassian-sso).
 * Run once: `node scripts/run-ts.mjs scripts/make-demo-case.ts`. An existing key pair is reused, so
 * re-running only re-signs the responses; delete assets/demo/demo-idp-key.pem to make a new key.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import forge from 'node-forge';
import { awsIdpMetadata, awsIssuer, buildAwsResponse, signXml, type SamlAttribute } from '../tests/fixtures/aws-response.js';

const DEMO = resolve('assets/demo');
const EXAMPLES = resolve('assets/examples');
const KEY_FILE = resolve(DEMO, 'demo-idp-key.pem');
const CERT_FILE = resolve(DEMO, 'demo-idp-cert.pem');

// A plausible AWS application: the AWS documentation's example account, a made-up instance id.
const ISSUER = awsIssuer('eu-central-1', '111122223333', 'ins-0a1b2c3d4e5f6789');
const JIRA = { acsUrl: 'https://jira.example.com/plugins/servlet/samlconsumer', audience: 'https://jira.example.com' };
const ISSUED = new Date('2026-01-15T10:00:00Z');
// "Valid far into the future" so the demo works offline for decades without --now.
const FAR_FUTURE = new Date('2099-12-31T23:59:59Z');
/** AWS identity-store group IDs, which is what ${user:groups} sends instead of names. */
const GROUP_IDS = ['93670a8e2c-4b1d2f6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', '93670a8e2c-77d0c1e2-5f6a-4b7c-9d8e-1f2a3b4c5d6e'];

function makeKeyPair(): { keyPem: string; certPem: string } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '7d3e0a11';
  cert.validity.notBefore = new Date('2025-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2125-01-01T00:00:00Z');
  // AWS's DN, self-signed, no extensions.
  const dn = [
    { shortName: 'CN', value: 'amazonaws.com' },
    { shortName: 'OU', value: 'IDAS' },
    { shortName: 'O', value: 'Amazon' },
    { shortName: 'C', value: 'US' },
  ];
  cert.setSubject(dn);
  cert.setIssuer(dn);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { keyPem: forge.pki.privateKeyToPem(keys.privateKey), certPem: forge.pki.certificateToPem(cert) };
}

function base64Der(certPem: string): string {
  const cert = forge.pki.certificateFromPem(certPem);
  return forge.util.encode64(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes());
}

function jiraResponse(attributes: SamlAttribute[], key: { privateKeyPem: string; certificatePem: string }, ids: { response: string; assertion: string }): string {
  const xml = buildAwsResponse({
    issuer: ISSUER,
    acsUrl: JIRA.acsUrl,
    audience: JIRA.audience,
    nameId: 'jane.doe@example.com',
    attributes,
    issueInstant: ISSUED,
    notBefore: new Date(ISSUED.getTime() - 5 * 60_000),
    notOnOrAfter: FAR_FUTURE,
    sessionNotOnOrAfter: FAR_FUTURE,
    responseId: ids.response,
    assertionId: ids.assertion,
  });
  return signXml(xml, key, { response: true, assertion: true });
}

mkdirSync(DEMO, { recursive: true });
if (!existsSync(KEY_FILE) || !existsSync(CERT_FILE)) {
  const { keyPem, certPem } = makeKeyPair();
  writeFileSync(KEY_FILE, `# DEMO ONLY - NOT A SECRET. Published with samlscope to sign its demo responses.\n# Never trust this key or its certificate anywhere.\n${keyPem}`);
  writeFileSync(CERT_FILE, certPem);
  console.log('generated a new demo key pair');
}
const keyText = readFileSync(KEY_FILE, 'utf8');
const key = { privateKeyPem: keyText.slice(keyText.indexOf('-----BEGIN')), certificatePem: readFileSync(CERT_FILE, 'utf8') };

const metadata = awsIdpMetadata({ entityId: ISSUER, certificates: [base64Der(key.certificatePem)] }) + '\n';
writeFileSync(resolve(DEMO, 'demo-idp-metadata.xml'), metadata);
writeFileSync(resolve(EXAMPLES, 'aws-idp-metadata.xml'), metadata);

const base: SamlAttribute[] = [
  { name: 'username', values: ['jdoe'] },
  { name: 'displayName', values: ['Jane Doe'] },
  { name: 'email', values: ['jane.doe@example.com'] },
];
// Fixed IDs keep the committed files stable across re-runs.
writeFileSync(
  resolve(DEMO, 'demo-response.xml'),
  jiraResponse([...base, { name: 'groups', values: GROUP_IDS }], key, { response: '_5a1e0c2b-6d3f-4e8a-9b7c-000000000001', assertion: '_5a1e0c2b-6d3f-4e8a-9b7c-000000000002' }) + '\n',
);
writeFileSync(
  resolve(DEMO, 'demo-response-no-groups.xml'),
  jiraResponse(base, key, { response: '_5a1e0c2b-6d3f-4e8a-9b7c-000000000003', assertion: '_5a1e0c2b-6d3f-4e8a-9b7c-000000000004' }) + '\n',
);
console.log(`wrote ${DEMO}/demo-idp-metadata.xml, demo-response.xml, demo-response-no-groups.xml and ${EXAMPLES}/aws-idp-metadata.xml`);
