/**
 * Whole-user-base simulation speed: 100,000 AWS users against a 100,000-user snapshot must take
 * ≤ 2 s, and 10,000 users against the same snapshot should take about a tenth (linear growth).
 * Run: node scripts/run-ts.mjs bench/jit.bench.ts
 */
import { performance } from 'node:perf_hooks';
import type { AwsIdentityStoreUser } from '../src-main/core/jit/aws-users.js';
import { simulateUserBase } from '../src-main/core/jit/simulate-user-base.js';
import { parseInstanceSnapshot, type InstanceSnapshot, type InstanceSnapshotInput } from '../src-main/core/jit/snapshot-schema.js';
import { parseTargetProfile, type TargetProfile } from '../src-main/core/jit/target-profile-schema.js';

const SNAPSHOT_USERS = 100_000;
const BUDGET_MS = 2_000;
const name = (i: number): string => `user${String(i).padStart(6, '0')}`;

function makeSnapshot(): InstanceSnapshot {
  const users: InstanceSnapshotInput['users'] = [];
  for (let i = 0; i < SNAPSHOT_USERS; i += 1) {
    // 1 in 10 lives in LDAP; internal users carry a jit_idp_id when JIT created them.
    const ldap = i % 10 === 9;
    users.push({
      username: name(i),
      displayName: `User ${i}`,
      email: `${name(i)}@example.com`,
      directoryId: ldap ? 2 : 1,
      groups: i % 3 === 0 ? ['jira-software-users', 'team-a'] : ['jira-software-users'],
      attributes: !ldap && i % 2 === 0 ? { jit_idp_id: `${name(i)}@example.com` } : {},
    });
  }
  const parsed = parseInstanceSnapshot({
    product: 'jira',
    capturedAt: '2026-01-15T00:00:00Z',
    source: { kind: 'manual' },
    directories: [
      { id: 1, name: 'Jira Internal Directory', type: 'internal', active: true, canCreateUsers: true, canCreateGroups: true, position: 0 },
      { id: 2, name: 'LDAP', type: 'ldap', active: true, canCreateUsers: false, canCreateGroups: false, readOnly: true, position: 1 },
    ],
    users,
    groups: [{ name: 'jira-software-users', directoryId: 1 }, { name: 'team-a', directoryId: 1 }],
    applicationAccess: [{ application: 'jira-software', groups: ['jira-software-users'] }],
    license: [{ application: 'jira-software', seats: 150_000, used: SNAPSHOT_USERS }],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

/** AWS users: 95 % match existing accounts, 5 % are new; every 50th changed its display name. */
function makeAwsUsers(count: number): AwsIdentityStoreUser[] {
  const out: AwsIdentityStoreUser[] = [];
  for (let i = 0; i < count; i += 1) {
    const existing = i % 20 !== 19;
    const n = existing ? name(i) : `new${String(i).padStart(6, '0')}`;
    out.push({
      UserName: n,
      UserId: `id-${i}`,
      Name: { Formatted: i % 50 === 0 ? `Renamed ${i}` : `User ${i}` },
      Emails: [{ Value: `${n}@example.com`, Primary: true }],
    });
  }
  return out;
}

function jiraProfile(): TargetProfile {
  const parsed = parseTargetProfile({
    product: 'jira',
    sp: { entityId: 'https://jira.example.com', acsUrl: 'https://jira.example.com/plugins/servlet/samlconsumer' },
    idp: { metadata: 'idp.xml' },
    provisioning: { engine: 'atlassian-sso', createUsers: true, usernameMapping: '${username}', displayNameMapping: '${displayName}', emailMapping: '${email}', groupsAttribute: 'groups' },
    instance: { snapshot: 'snapshot.json' },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

const MAPPINGS = { Subject: '${user:email}', username: '${user:preferredUsername}', displayName: '${user:name}', email: '${user:email}', groups: '${user:groups}' };

function time(users: AwsIdentityStoreUser[], snapshot: InstanceSnapshot, profile: TargetProfile): { ms: number; failing: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  // A fresh snapshot object each run, so the index is built inside the timing (no cache carried over).
  const result = simulateUserBase(users, MAPPINGS, profile, { ...snapshot });
  return { ms: performance.now() - start, failing: result.summary.failing };
}

const snapshot = makeSnapshot();
const profile = jiraProfile();
const big = makeAwsUsers(100_000);
const small = big.slice(0, 10_000);

time(small, snapshot, profile); // warm-up (JIT compilation)
const runs = 3;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const smallTimes: number[] = [];
const bigTimes: number[] = [];
let failing = 0;
for (let r = 0; r < runs; r += 1) {
  smallTimes.push(time(small, snapshot, profile).ms);
  const b = time(big, snapshot, profile);
  bigTimes.push(b.ms);
  failing = b.failing;
}
const t10 = median(smallTimes);
const t100 = median(bigTimes);
const ratio = t100 / t10;
console.log(`jit simulateUserBase (median of ${runs}, snapshot ${SNAPSHOT_USERS.toLocaleString('en')} users, index built inside each run)`);
console.log(`   10,000 AWS users: ${t10.toFixed(0)} ms (${((t10 * 1000) / 10_000).toFixed(1)} µs/user)`);
console.log(`  100,000 AWS users: ${t100.toFixed(0)} ms (${((t100 * 1000) / 100_000).toFixed(1)} µs/user), ${failing.toLocaleString('en')} predicted failing`);
console.log(`  ratio 100k/10k: ${ratio.toFixed(1)} (linear ≈ 10, less when the fixed index cost dominates)`);
const ok = t100 <= BUDGET_MS && ratio <= 15;
console.log(ok ? `  OK: within ${BUDGET_MS} ms and linear` : `  FAIL: budget ${BUDGET_MS} ms, ratio ≤ 15`);
process.exitCode = ok ? 0 : 1;
