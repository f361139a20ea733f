import { describe, expect, it } from 'vitest';
import { planRows } from '../../../src-main/core/userbase/group-plan.js';
import { predictUserBaseUseCase, type PredictUserBasePorts, type UserBaseProgress } from '../../../src-main/usecases/predict-user-base.js';
import { atlassianSso, MAPPINGS, snapshot } from '../userbase/fixtures.js';

const FILES: Record<string, string> = {
  'users.json': JSON.stringify({ Users: [{ UserName: 'jdoe', UserId: 'id-jdoe', Emails: [{ Value: 'jane@example.com', Primary: true }] }] }),
  'mappings.json': JSON.stringify(MAPPINGS),
  'groups.json': JSON.stringify({ Groups: [{ GroupId: 'g1', DisplayName: 'Developers' }] }),
  'bad.json': '{"Accounts": []}',
};

function ports(extra: Partial<PredictUserBasePorts> = {}): PredictUserBasePorts {
  return {
    readText: async (f) => {
      const text = FILES[f.ref];
      if (text === undefined) throw new Error('cannot read it: no such file');
      return text;
    },
    loadTarget: async () => ({ profile: atlassianSso(), snapshot: snapshot() }),
    ...extra,
  };
}
const file = (ref: string): { ref: string; name: string } => ({ ref, name: ref });

describe('predict-user-base use case', () => {
  it('recognises dropped files by shape and predicts, reporting progress per file and phase', async () => {
    const seen: UserBaseProgress[] = [];
    const r = await predictUserBaseUseCase({ files: [file('groups.json'), file('mappings.json'), file('users.json')], target: 'p' }, ports({ progress: (p) => seen.push(p) }));
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.files.map((f) => f.kind)).toEqual(['groups', 'aws-mappings', 'users']);
    expect(r.prediction.summary.total).toBe(1);
    expect(r.prediction.plan.memberships).toBe(planRows(r.prediction.users).length);
    expect(seen.map((p) => p.phase)).toEqual(['read', 'read', 'read', 'logins', 'claims', 'accounts', 'plan']);
  });

  it('collects every file problem and the missing inputs instead of stopping at the first', async () => {
    const r = await predictUserBaseUseCase({ files: [file('bad.json'), file('nope.json')], target: 'p' }, ports());
    expect(r.status).toBe('invalid');
    if (r.status !== 'invalid') return;
    expect(r.errors[0]).toContain('bad.json: not a file samlscope knows');
    expect(r.errors[1]).toBe('nope.json: cannot read it: no such file');
    expect(r.errors.some((e) => e.startsWith('No users'))).toBe(true);
    expect(r.errors.some((e) => e.startsWith('No attribute mappings'))).toBe(true);
  });

  it('stops when cancelled, between files or between phases', async () => {
    let calls = 0;
    const r = await predictUserBaseUseCase({ files: [file('users.json'), file('mappings.json')], target: 'p' }, ports({ cancelled: () => ++calls > 1 }));
    expect(r.status).toBe('cancelled');
    let phases = 0;
    const late = await predictUserBaseUseCase({ files: [file('users.json'), file('mappings.json')], target: 'p' }, ports({ progress: (p) => { if (p.phase !== 'read') phases += 1; }, cancelled: () => phases >= 2 }));
    expect(late.status).toBe('cancelled');
  });

  it('passes the target loader\'s error through', async () => {
    const r = await predictUserBaseUseCase({ files: [file('users.json'), file('mappings.json')], target: 'p' }, ports({ loadTarget: async () => ({ error: 'p: no such file' }) }));
    expect(r).toEqual({ status: 'invalid', errors: ['p: no such file'], files: expect.any(Array) });
  });
});
