import { describe, expect, it } from 'vitest';
import { describeDifference } from '../../../src-main/core/checks/url-difference.js';

const ACS = 'https://jira.example.com/plugins/servlet/samlconsumer';

describe('describeDifference', () => {
  it('returns nothing for identical values', () => {
    expect(describeDifference(ACS, ACS)).toBeUndefined();
  });

  it.each([
    [`${ACS}/`, 'trailing-slash', 'a trailing slash'],
    [ACS.replace('https:', 'http:'), 'scheme', 'http instead of https'],
    [ACS.replace('jira.example.com', 'Jira.Example.com'), 'host-case', 'host name in different letter case'],
    [ACS.replace('jira.example.com', 'jira.example.com:443'), 'default-port', 'explicit default port'],
    [` ${ACS}`, 'whitespace', 'whitespace'],
    ['https://jira.example.com/plugins/servlet/SAMLconsumer', 'path-case', 'path in different letter case'],
    ['https://jira.example.com/jira/plugins/servlet/samlconsumer', 'other-path', 'another path on the same host'],
    ['https://jira.example.com/plugins/servlet/samlsso', 'sso-implementation', 'resolution SAML SSO'],
  ])('%s is a named near miss (%s)', (received, kind, text) => {
    const d = describeDifference(received, ACS)!;
    expect(d.kinds).toContain(kind);
    expect(d.nearMiss).toBe(true);
    expect(d.description).toContain(text);
  });

  it('combines several near misses', () => {
    const d = describeDifference('http://jira.example.com/plugins/servlet/samlconsumer/', ACS)!;
    expect(d.kinds).toEqual(['scheme', 'trailing-slash']);
    expect(d.nearMiss).toBe(true);
  });

  it('does not call another host or another port a near miss', () => {
    const host = describeDifference('https://jira-internal.corp:8080/plugins/servlet/samlconsumer', ACS)!;
    expect(host.nearMiss).toBe(false);
    expect(host.description).toContain('another host');
    expect(describeDifference('https://confluence.example.com/', ACS)!.nearMiss).toBe(false);
  });

  it('compares entity IDs that are not URLs', () => {
    expect(describeDifference('URN:jira', 'urn:jira')!.kinds).toEqual(['case']);
    expect(describeDifference('urn:confluence', 'urn:jira')!.nearMiss).toBe(false);
  });
});
