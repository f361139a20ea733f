import { describe, expect, it } from 'vitest';
import { runMessageChecks } from '../../../src-main/core/checks/index.js';
import type { AttributeInfo } from '../../../src-main/core/model/message.js';
import { NAMEID_FORMAT } from '../../fixtures/aws-response.js';
import { expectActionable } from './assert-finding.js';
import { ids, makeContext, makeMessage, only } from './message-factory.js';

const attr = (name: string, ...values: string[]): AttributeInfo => ({ name, values, verified: true });
const withAttributes = (...attributes: AttributeInfo[]) => makeMessage({ attributes });

describe('aws.groups-not-sent', () => {
  it('is raised for every AWS response without a group attribute, explaining JIT consequences', () => {
    const f = only(runMessageChecks(makeMessage(), makeContext()), 'aws.groups-not-sent');
    expectActionable(f);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('cannot send group names');
    expect(f.message).toContain('managed in the Atlassian product');
    expect(f.evidence[0]?.value).toBe('email, firstName, lastName, displayName');
    const steps = f.fix.steps?.join('\n') ?? '';
    expect(steps).toContain('resolution SAML SSO');
    expect(steps).toContain('Atlassian SSO 2.0');
  });

  it('is not raised when a group attribute exists, or for the generic profile', () => {
    expect(ids(runMessageChecks(withAttributes(attr('email', 'a@b.example'), attr('memberOf', 'jira-users')), makeContext()))).not.toContain('aws.groups-not-sent');
    expect(ids(runMessageChecks(makeMessage(), makeContext({ profile: 'generic' })))).not.toContain('aws.groups-not-sent');
  });
});

describe('aws.groups-are-ids', () => {
  it('recognises identity-store group IDs from ${user:groups}', () => {
    const message = withAttributes(attr('email', 'jane@example.com'), attr('groups', '4478b4b8-d001-7026-61d3-ad652a11b0db', '9067a2e5c8-1f4b7a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b'));
    const findings = runMessageChecks(message, makeContext());
    const f = only(findings, 'aws.groups-are-ids');
    expectActionable(f);
    expect(f.message).toContain('${user:groups}');
    expect(f.message).toContain('removed from every group not in the response');
    expect(f.evidence).toHaveLength(2);
    expect(f.evidence.every((e) => e.personal)).toBe(true);
    expect(ids(findings)).not.toContain('aws.groups-not-sent');
  });

  it('recognises domain//SID values from an AD identity source', () => {
    const message = withAttributes(attr('groups', 'ourdomainhere.internal//S-1-5-21-3623811015-3361044348-30300820-1732'));
    expect(only(runMessageChecks(message, makeContext()), 'aws.groups-are-ids').message).toContain('SID');
  });

  it('is not raised for group names', () => {
    expect(ids(runMessageChecks(withAttributes(attr('groups', 'jira-software-users')), makeContext()))).not.toContain('aws.groups-are-ids');
  });
});

describe('aws.empty-attribute-statement', () => {
  it('is raised for <AttributeStatement/> and asks for mappings', () => {
    const message = makeMessage({ attributes: [], assertion: { id: '_a', encrypted: false, emptyAttributeStatement: true } });
    const f = only(runMessageChecks(message, makeContext()), 'aws.empty-attribute-statement');
    expectActionable(f);
    expect(f.message).toContain('schema');
    expect(f.fix.path).toContain('Edit attribute mappings');
  });
});

describe('aws.nameid-format-unsupported', () => {
  it('is raised for a format AWS cannot send', () => {
    const message = makeMessage({ subject: { nameId: 'jane@example.com', format: NAMEID_FORMAT.entity, verified: true } });
    const f = only(runMessageChecks(message, makeContext()), 'aws.nameid-format-unsupported');
    expectActionable(f);
    expect(f.message).toContain('entity');
    expect(f.fix.field).toBe('Subject → Format');
  });

  it('accepts the four supported formats', () => {
    for (const format of [NAMEID_FORMAT.unspecified, NAMEID_FORMAT.emailAddress, NAMEID_FORMAT.persistent, NAMEID_FORMAT.transient]) {
      const message = makeMessage({ subject: { nameId: 'x', format, verified: true } });
      expect(ids(runMessageChecks(message, makeContext()))).not.toContain('aws.nameid-format-unsupported');
    }
  });
});

describe('aws.unresolved-variable', () => {
  it('is raised for a literal ${…} value and suggests the supported variable', () => {
    const message = withAttributes(attr('email', '${user:mail}'), attr('firstName', 'Jane'));
    const f = only(runMessageChecks(message, makeContext()), 'aws.unresolved-variable');
    expectActionable(f);
    expect(f.severity).toBe('error');
    expect(f.message).toContain('attribute "email": ${user:mail}');
    expect(f.fix.value).toBe('${user:email}');
    expect(f.evidence[0]?.personal).toBeUndefined();
  });

  it('covers the Subject too', () => {
    const message = makeMessage({ subject: { nameId: '${user:Email}', format: NAMEID_FORMAT.emailAddress, verified: true } });
    const f = only(runMessageChecks(message, makeContext()), 'aws.unresolved-variable');
    expect(f.fix.field).toContain('Subject');
    expect(f.fix.value).toBe('${user:email}');
  });
});

describe('aws.attribute-name-suspicious', () => {
  it('flags a trailing space', () => {
    const f = only(runMessageChecks(withAttributes(attr('Email ', 'jane@example.com'), attr('groups', 'x')), makeContext()), 'aws.attribute-name-suspicious');
    expectActionable(f);
    expect(f.message).toContain('"Email " differs from "Email" only by whitespace');
    expect(f.fix.value).toBe('Email');
    expect(f.fix.field).toBe('User attribute in the application');
  });

  it('flags odd letter case and names that collide', () => {
    const f = only(runMessageChecks(withAttributes(attr('EMAIL', 'a@b.example'), attr('firstname', 'Jane'), attr('FirstName', 'Jane')), makeContext()), 'aws.attribute-name-suspicious');
    expect(f.message).toContain('"EMAIL" differs from the usual "email" only by letter case');
    expect(f.message).toContain('"FirstName" and "firstname" differ only by letter case or whitespace');
  });

  it('accepts the usual spellings and URI claim names', () => {
    const message = withAttributes(attr('email', 'a@b.example'), attr('FirstName', 'J'), attr('lastName', 'D'), attr('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/EmailAddress', 'a@b.example'));
    expect(ids(runMessageChecks(message, makeContext()))).not.toContain('aws.attribute-name-suspicious');
  });
});
