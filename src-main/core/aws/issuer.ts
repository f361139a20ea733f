/**
 * AWS IAM Identity Center issues one entity ID per application (real metadata:
 * https://github.com/awslabs/data-solutions-framework-on-aws/blob/8ccbb2ccfb93ee0235c3af172add1b8347c0642a/examples/opensearch-quickstart/stacks/main.py):
 * `https://portal.sso.<region>.amazonaws.com/saml/assertion/<base64(<account>_ins-<hex>)>`.
 * Decoding it tells a support agent which account and application instance a response came from,
 * which is what distinguishes "wrong application" from "wrong tenant" in an issuer mismatch.
 */
import { Buffer } from 'node:buffer';
import type { AwsIssuerInfo } from '../model/result.js';

// China regions use amazonaws.com.cn; host names are case-insensitive.
const AWS_PORTAL_URL = /^https?:\/\/portal\.sso\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?(?::443)?(\/[^?#]*)?$/i;
const ENCODED_ID_PATH = /^\/saml\/(?:assertion|metadata|logout)\/([A-Za-z0-9+/_-]+?={0,2})\/?$/;
const DECODED_ID = /^(\d{12})_(ins-[0-9a-f]+)$/i;

/** True when the value is an IAM Identity Center portal URL (any path). */
export function isAwsPortalUrl(value: string): boolean {
  return AWS_PORTAL_URL.test(value.trim());
}

/**
 * Decodes an IAM Identity Center issuer / entity ID. Returns undefined when the host is not an
 * Identity Center portal; account and instance are left out when the path does not decode.
 */
export function decodeAwsIssuer(issuer: string): AwsIssuerInfo | undefined {
  const match = AWS_PORTAL_URL.exec(issuer.trim());
  if (!match) return undefined;
  const region = (match[1] ?? '').toLowerCase();
  const pathMatch = ENCODED_ID_PATH.exec(match[3] ?? '');
  const encodedId = pathMatch?.[1] ?? '';
  const info: AwsIssuerInfo = { region, encodedId };
  if (!encodedId) return info;
  // AWS uses standard base64; accept the URL-safe alphabet too, since copies pass through URLs.
  const decoded = Buffer.from(encodedId.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  const ids = DECODED_ID.exec(decoded);
  if (ids) {
    info.accountId = ids[1];
    info.applicationInstanceId = (ids[2] ?? '').toLowerCase();
  }
  return info;
}

function portalHost(region: string): string {
  return `portal.sso.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

/**
 * The application's metadata URL, which serves the current IdP metadata (`metadataUrl` of the console API
 * described in https://github.com/asyschikov/aws-idc-saml).
 */
export function awsMetadataUrl(info: AwsIssuerInfo): string | undefined {
  return info.encodedId ? `https://${portalHost(info.region)}/saml/metadata/${info.encodedId}` : undefined;
}

/** The application's sign-in URL, which is also its issuer and SSO endpoint. */
export function awsSignInUrl(info: AwsIssuerInfo): string | undefined {
  return info.encodedId ? `https://${portalHost(info.region)}/saml/assertion/${info.encodedId}` : undefined;
}

/** "application instance ins-… in AWS account … (region …)", for messages. */
export function describeAwsApplication(info: AwsIssuerInfo): string {
  const parts: string[] = [];
  parts.push(info.applicationInstanceId ? `application instance ${info.applicationInstanceId}` : 'an IAM Identity Center application');
  if (info.accountId) parts.push(`in AWS account ${info.accountId}`);
  return `${parts.join(' ')} (region ${info.region})`;
}
