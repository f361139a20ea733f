import { describe, expect, it } from 'vitest';
import { annotateAwsAttributes, guessAwsSource } from '../../../src-main/core/aws/attribute-source.js';
import { isAwsGroupIdValue, isGroupAttributeName } from '../../../src-main/core/aws/group-values.js';
import { awsMetadataUrl, decodeAwsIssuer, describeAwsApplication, isAwsPortalUrl } from '../../../src-main/core/aws/issuer.js';
import { suggestUserVariable } from '../../../src-main/core/aws/variables.js';
import { makeMessage } from './message-factory.js';

// Real entity ID from public AWS metadata (aws.md §1, [DSF]).
const DSF_ISSUER = 'https://portal.sso.us-east-1.amazonaws.com/saml/assertion/NDQ0OTc1NjczNTMwX2lucy01MTRmOGNkNGRjYzJhMjky';

describe('decodeAwsIssuer', () => {
  it('decodes region, account and application instance from a real IAM Identity Center entity ID', () => {
    expect(decodeAwsIssuer(DSF_ISSUER)).toEqual({
      region: 'us-east-1',
      accountId: '444975673530',
      applicationInstanceId: 'ins-514f8cd4dcc2a292',
      encodedId: 'NDQ0OTc1NjczNTMwX2lucy01MTRmOGNkNGRjYzJhMjky',
    });
  });

  it('derives the metadata URL and a readable description', () => {
    const info = decodeAwsIssuer(DSF_ISSUER)!;
    expect(awsMetadataUrl(info)).toBe('https://portal.sso.us-east-1.amazonaws.com/saml/metadata/NDQ0OTc1NjczNTMwX2lucy01MTRmOGNkNGRjYzJhMjky');
    expect(describeAwsApplication(info)).toBe('application instance ins-514f8cd4dcc2a292 in AWS account 444975673530 (region us-east-1)');
  });

  it('accepts host case differences and China regions, and keeps the region when the id does not decode', () => {
    expect(decodeAwsIssuer('https://PORTAL.SSO.eu-west-1.AMAZONAWS.com/saml/assertion/MTkyNTMwMjE4MDg1X2lucy1lNDJiMDkxZDI2MTllZjNl')?.accountId).toBe('192530218085');
    const cn = decodeAwsIssuer('https://portal.sso.cn-north-1.amazonaws.com.cn/saml/assertion/MTkyNTMwMjE4MDg1X2lucy1lNDJiMDkxZDI2MTllZjNl')!;
    expect(awsMetadataUrl(cn)).toMatch(/^https:\/\/portal\.sso\.cn-north-1\.amazonaws\.com\.cn\/saml\/metadata\//);
    const odd = decodeAwsIssuer('https://portal.sso.eu-central-1.amazonaws.com/saml/assertion/bm90LWFuLWlk');
    expect(odd).toEqual({ region: 'eu-central-1', encodedId: 'bm90LWFuLWlk' });
  });

  it('rejects hosts that only look like AWS', () => {
    expect(decodeAwsIssuer('https://portal.sso.eu-west-1.amazonaws.com.evil.example/saml/assertion/x')).toBeUndefined();
    expect(decodeAwsIssuer('https://login.microsoftonline.com/tenant/saml2')).toBeUndefined();
    expect(isAwsPortalUrl('https://portal.sso.eu-west-1.amazonaws.com/start')).toBe(true);
  });
});

describe('guessAwsSource', () => {
  it.each([
    [{ name: 'email', values: ['jane@example.com'] }, '${user:email}'],
    [{ name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', values: ['jane@example.com'] }, '${user:email}'],
    [{ name: 'mailAlias', values: ['jane@example.com'] }, '${user:email}'],
    [{ name: 'firstName', values: ['Jane'] }, '${user:givenName}'],
    [{ name: 'lastName', values: ['Doe'] }, '${user:familyName}'],
    [{ name: 'displayName', values: ['Jane Doe'] }, '${user:name}'],
    [{ name: 'username', values: ['jane@example.com'] }, '${user:preferredUsername}'],
    [{ name: 'groups', values: ['4478b4b8-d001-7026-61d3-ad652a11b0db'] }, '${user:groups}'],
    [{ name: 'roles', values: ['corp.internal//S-1-5-21-1111-2222-3333-1732'] }, '${user:groups}'],
    [{ name: 'userId', values: ['9067a2e5c8-1f4b7a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b'] }, '${user:AD_GUID}'],
    [{ name: 'email', values: ['${user:mail}'] }, '${user:mail}'],
  ])('%o → %s', (attr, expected) => {
    expect(guessAwsSource(attr)).toBe(expected);
  });

  it('does not guess for group names, static text or contradicting shapes', () => {
    expect(guessAwsSource({ name: 'groups', values: ['jira-software-users'] })).toBeUndefined();
    expect(guessAwsSource({ name: 'department', values: ['Finance'] })).toBeUndefined();
    expect(guessAwsSource({ name: 'email', values: ['jdoe'] })).toBeUndefined();
    expect(guessAwsSource({ name: 'email', values: [] })).toBeUndefined();
  });

  it('annotateAwsAttributes returns a new array and leaves the message untouched', () => {
    const message = makeMessage();
    const annotated = annotateAwsAttributes(message);
    expect(annotated.map((a) => a.likelyAwsSource)).toEqual(['${user:email}', '${user:givenName}', '${user:familyName}', '${user:name}']);
    expect(message.attributes.every((a) => a.likelyAwsSource === undefined)).toBe(true);
    expect(annotated).not.toBe(message.attributes);
  });
});

describe('group values and variables', () => {
  it('recognises group attribute names and AWS group ID shapes', () => {
    expect(['groups', 'Group', 'memberOf', 'http://schemas.xmlsoap.org/claims/Group', 'roles'].every(isGroupAttributeName)).toBe(true);
    expect(isGroupAttributeName('email')).toBe(false);
    expect(isAwsGroupIdValue('4478b4b8-d001-7026-61d3-ad652a11b0db')).toBe(true);
    expect(isAwsGroupIdValue('9067a2e5c8-1f4b7a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b')).toBe(true);
    expect(isAwsGroupIdValue('ourdomainhere.internal//S-1-5-21-3623811015-3361044348-30300820-1732')).toBe(true);
    expect(isAwsGroupIdValue('jira-administrators')).toBe(false);
  });

  it('suggests the supported variable a typo meant', () => {
    expect(suggestUserVariable('${user:mail}')).toBe('${user:email}');
    expect(suggestUserVariable('${user.Email}')).toBe('${user:email}');
    expect(suggestUserVariable('${user:firstName}')).toBe('${user:givenName}');
    expect(suggestUserVariable('${user:shoeSize}')).toBeUndefined();
  });
});
