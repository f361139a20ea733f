import { describe, expect, it } from 'vitest';
import { recogniseAwsExport } from '../../../src-main/core/userbase/aws-exports.js';
import { parseJsonDocuments } from '../../../src-main/core/userbase/json-documents.js';

const membership = (g: string, u: string): string => JSON.stringify({ GroupMemberships: [{ IdentityStoreId: 'd-1', MembershipId: `m-${g}-${u}`, GroupId: g, MemberId: { UserId: u } }] });

describe('recognising AWS exports by shape', () => {
  it('recognises each export by its top-level key', () => {
    const kinds = [
      ['{"Users":[{"UserName":"a","UserId":"1"}]}', 'users'],
      ['{"Groups":[{"GroupId":"g","DisplayName":"Developers","IdentityStoreId":"d-1"}]}', 'groups'],
      [membership('g', '1'), 'memberships'],
      ['{"ApplicationAssignments":[{"ApplicationArn":"arn:aws:sso::1:application/ssoins-1/apl-1","PrincipalType":"GROUP","PrincipalId":"g"}]}', 'assignments'],
      ['{"groupMapping":{"Developers":"developers","Support":["support","jira-servicedesk-users"]}}', 'group-mapping'],
      ['{"Subject":"${user:email}","email":"${user:email}"}', 'aws-mappings'],
    ] as const;
    for (const [text, kind] of kinds) {
      const r = recogniseAwsExport('f.json', text);
      expect(r.ok && r.value.kind).toBe(kind);
    }
  });

  it('merges list-group-memberships outputs concatenated in one file (one per group)', () => {
    const r = recogniseAwsExport('m.json', `${membership('g1', 'u1')}\n${membership('g2', 'u1')}\n${membership('g2', 'u2')}`);
    expect(r.ok && r.value.kind === 'memberships' && r.value.memberships.map((m) => m.GroupId)).toEqual(['g1', 'g2', 'g2']);
  });

  it('normalises a group mapping value to a list', () => {
    const r = recogniseAwsExport('map.json', '{"groupMapping":{"Developers":"developers"}}');
    expect(r.ok && r.value.kind === 'group-mapping' && r.value.mapping).toEqual({ Developers: ['developers'] });
  });

  it('names the file, the key path and what is wrong', () => {
    const r = recogniseAwsExport('groups.json', '{"Groups":[{"GroupId":"g","DisplayName":"ok"},{"GroupId":"h","DisplayName":""}]}');
    expect(r).toEqual({ ok: false, errors: ['groups.json: Groups[1].DisplayName: must not be empty'] });
    const m = recogniseAwsExport('m.json', '{"GroupMemberships":[{"GroupId":"g","MemberId":{"GroupId":"nested"}}]}');
    expect(!m.ok && m.errors[0]).toMatch(/^m\.json: GroupMemberships\[0\]\.MemberId\.UserId: /);
    const a = recogniseAwsExport('a.json', '{"ApplicationAssignments":[{"PrincipalType":"ROLE","PrincipalId":"x"}]}');
    expect(!a.ok && a.errors[0]).toMatch(/^a\.json: ApplicationAssignments\[0\]\.PrincipalType: /);
    const second = recogniseAwsExport('m.json', `${membership('g1', 'u1')}{"GroupMemberships":[{"GroupId":"g2"}]}`);
    expect(!second.ok && second.errors[0]).toMatch(/^m\.json \(document 2\): GroupMemberships\[0\]\.MemberId: /);
  });

  it('refuses unknown shapes instead of guessing', () => {
    const r = recogniseAwsExport('x.json', '{"Accounts":[]}');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toContain('x.json: not a file samlscope knows: it is an object with the key(s) "Accounts"');
    expect(recogniseAwsExport('y.json', '{"name":"plain"}').ok).toBe(false);
    expect(recogniseAwsExport('z.json', '[1,2]').ok).toBe(false);
  });

  it('refuses mixed kinds in one file and a kind other than the one asked for', () => {
    const mixed = recogniseAwsExport('both.json', `{"Users":[]}${membership('g', 'u')}`);
    expect(!mixed.ok && mixed.errors[0]).toContain('document 2 is aws identitystore list-group-memberships');
    const wrong = recogniseAwsExport('users.json', '{"Groups":[]}', 'users');
    expect(!wrong.ok && wrong.errors[0]).toBe('users.json: this is aws identitystore list-groups, expected aws identitystore list-users.');
  });

  it('reports broken JSON with its line', () => {
    expect(parseJsonDocuments('{"a":1}\n  oops')).toEqual({ ok: false, error: 'not JSON: line 2: unexpected text "oops" outside a JSON object' });
    expect(parseJsonDocuments('{"a":"}').ok).toBe(false);
    expect(parseJsonDocuments('{"a":"x\\"}"}{"b":2}')).toEqual({ ok: true, documents: [{ a: 'x"}' }, { b: 2 }] });
    expect(parseJsonDocuments('   ')).toEqual({ ok: false, error: 'the file is empty' });
  });
});
