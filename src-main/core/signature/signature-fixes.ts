import type { Fix } from '../model/finding.js';
import { isAwsPortalUrl } from '../aws/issuer.js';
import { awsConsolePath } from '../fixes/aws-console.js';

/** Which IdP the signature fixes send the user to: AWS texts only when the issuer is IAM Identity Center. */
export type SignatureIdp = 'aws' | 'generic';

export interface SignatureFixes {
  /** How messages name the IdP. */
  idpName: string;
  trustAnchor: Fix;
  realCert: Fix;
  attack: Fix;
  algorithm: Fix;
  weakAlgorithm: Fix;
  weakKey: Fix;
  /** A signature that does not cover the Response or Assertion it should. */
  structure: Fix;
}

const AWS_CERT_PATH = awsConsolePath('Manage certificate');
const SSO_CERT_PATH = 'Administration → System → SSO 2.0 → SAML single sign-on (or resolution SAML SSO → Identity Providers → your IdP)';
const SSO_CERT_FIELD = 'Public x509 certificate (resolution: IdP signing certificate / metadata)';

const AWS: SignatureFixes = {
  idpName: 'AWS IAM Identity Center',
  trustAnchor: {
    summary: 'Give samlscope the IdP metadata or certificate that your Atlassian SSO configuration trusts: on the command line with --idp-metadata FILE or --idp-cert PEM; in the app, paste or drop the metadata file (or certificate), or pick a target profile.',
    where: 'samlscope-input',
    path: AWS_CERT_PATH,
    field: 'IAM Identity Center SAML metadata file / IAM Identity Center certificate',
    steps: [
      'Download the metadata file (or the certificate) from the AWS console path above.',
      'Command line: add --idp-metadata FILE (or --idp-cert PEM) to samlscope analyze.',
      'App: paste or drop the metadata file or certificate anywhere in the window (or use Setup → IdP trust), or pick a target profile whose IdP metadata is the one your Atlassian SSO configuration trusts.',
    ],
  },
  realCert: {
    summary: 'Make the Atlassian SSO configuration trust the certificate AWS signs with, and make sure nothing rewrites the response on its way.',
    where: 'atlassian-sso',
    path: SSO_CERT_PATH,
    field: SSO_CERT_FIELD,
    steps: [
      `Download the active certificate from ${AWS_CERT_PATH}.`,
      'Paste it into the certificate field (or re-import the IdP metadata) and save.',
      'If the certificate already matches, a proxy or browser extension changed the response after AWS signed it: capture the login again without it.',
    ],
  },
  attack: {
    summary: 'Treat this response as forged: do not accept it. Capture a fresh login directly from AWS IAM Identity Center and analyse that instead.',
    where: 'none',
    steps: ['If this came from a real login, something between the browser and the SP is rewriting SAML responses: investigate it as a security incident.'],
  },
  algorithm: {
    summary: 'Sign with RSA-SHA256. In AWS, generate a new certificate with algorithm SHA-256 and set it as active.',
    where: 'aws-console',
    path: AWS_CERT_PATH,
    field: 'Algorithm',
    value: 'SHA-256',
  },
  weakAlgorithm: {
    summary: 'Generate a new AWS signing certificate with algorithm SHA-256 and 2048-bit key, upload it to the Atlassian SSO settings, then set it as active in AWS.',
    where: 'aws-console',
    path: `${AWS_CERT_PATH} → Generate new certificate`,
    field: 'Algorithm / Key size',
    value: 'SHA-256 / 2048',
  },
  weakKey: {
    summary: 'Generate a new AWS signing certificate with a 2048-bit key, upload it to the Atlassian SSO settings, then set it as active in AWS.',
    where: 'aws-console',
    path: `${AWS_CERT_PATH} → Generate new certificate`,
    field: 'Key size',
    value: '2048-bit RSA',
  },
  structure: {
    summary: 'AWS IAM Identity Center signs the whole Response or Assertion with one Reference, so a signature shaped like this did not come from AWS unchanged: capture the login again directly from AWS, without proxies or extensions that rewrite it.',
    where: 'none',
  },
};

const GENERIC: SignatureFixes = {
  idpName: 'the IdP',
  trustAnchor: {
    summary: 'Give samlscope the IdP metadata or signing certificate that your SP trusts: --idp-metadata FILE or --idp-cert PEM on the command line; in the app, paste or drop the metadata file (or certificate).',
    where: 'samlscope-input',
    field: 'IdP metadata / IdP signing certificate',
  },
  realCert: {
    summary: 'Make the SP trust the certificate the IdP signs with (re-import the IdP metadata), and make sure nothing rewrites the response on its way.',
    where: 'atlassian-sso',
    path: SSO_CERT_PATH,
    field: SSO_CERT_FIELD,
    steps: [
      'Export the IdP\'s current signing certificate or metadata from the IdP\'s administration.',
      'Paste it into the certificate field (or re-import the IdP metadata) and save.',
      'If the certificate already matches, a proxy or browser extension changed the response after the IdP signed it: capture the login again without it.',
    ],
  },
  attack: {
    summary: 'Treat this response as forged: do not accept it. Capture a fresh login directly from the IdP and analyse that instead.',
    where: 'none',
    steps: ['If this came from a real login, something between the browser and the SP is rewriting SAML responses: investigate it as a security incident.'],
  },
  algorithm: {
    summary: 'Configure the IdP to sign with RSA-SHA256 (http://www.w3.org/2001/04/xmldsig-more#rsa-sha256), SHA-256 digests and exclusive canonicalization.',
    where: 'idp-configuration',
    field: 'Signature algorithm',
    value: 'RSA-SHA256',
  },
  weakAlgorithm: {
    summary: 'Configure the IdP to sign with RSA-SHA256 and SHA-256 digests, with a signing key of at least 2048 bits.',
    where: 'idp-configuration',
    field: 'Signature / digest algorithm',
    value: 'RSA-SHA256 / SHA-256',
  },
  weakKey: {
    summary: 'Give the IdP a new signing key of at least 2048 bits, publish its certificate in the IdP metadata and update the SP to trust it.',
    where: 'idp-configuration',
    field: 'Signing key size',
    value: '2048-bit RSA',
  },
  structure: {
    summary: 'Configure the IdP to sign the Response and/or the Assertion itself: an enveloped signature inside the signed element, with exactly one Reference to that element\'s ID.',
    where: 'idp-configuration',
    field: 'Sign response / sign assertion',
  },
};

/** The fixes for signature findings, for the IdP actually in use. */
export function signatureFixes(idp: SignatureIdp): SignatureFixes {
  return idp === 'aws' ? AWS : GENERIC;
}

/** The IdP the fixes are for: the profile the user forced, else IAM Identity Center when the issuer is its portal URL. */
export function signatureIdpOf(issuer: string | undefined, profile: 'auto' | 'aws' | 'generic' = 'auto'): SignatureIdp {
  if (profile !== 'auto') return profile;
  return issuer !== undefined && isAwsPortalUrl(issuer) ? 'aws' : 'generic';
}
