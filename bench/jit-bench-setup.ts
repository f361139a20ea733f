/** What the two JIT benchmarks share: the Jira profile they simulate against, the AWS mappings, and timing. */
import { performance } from 'node:perf_hooks';
import { parseInstanceSnapshot, type InstanceSnapshot, type InstanceSnapshotInput } from '../src-main/core/jit/snapshot-schema.js';
import { parseTargetProfile, type TargetProfile } from '../src-main/core/jit/target-profile-schema.js';

export function jiraProfile(): TargetProfile {
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

export const MAPPINGS = { Subject: '${user:email}', username: '${user:preferredUsername}', displayName: '${user:name}', email: '${user:email}', groups: '${user:groups}' };

export interface Timing {
  wallMs: number;
  /** CPU time of this process (user + system): what the work costs when the machine is shared. */
  cpuMs: number;
}

/** Times `work` after a full GC (the benches run with --expose-gc), wall and CPU. */
export function measure(work: () => void): Timing {
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export const snapshotUserName = (i: number): string => `user${String(i).padStart(6, '0')}`;

/**
 * A Jira snapshot of `count` users: 1 in 10 lives in LDAP, internal users carry a jit_idp_id when JIT created
 * them; `groupsOf(i)` are user i's groups, `extraGroups` the groups the instance has besides jira-software-users.
 */
export function jiraSnapshot(count: number, groupsOf: (i: number) => string[], extraGroups: string[]): InstanceSnapshot {
  const users: InstanceSnapshotInput['users'] = [];
  for (let i = 0; i < count; i += 1) {
    const ldap = i % 10 === 9;
    const name = snapshotUserName(i);
    users.push({
      username: name,
      displayName: `User ${i}`,
      email: `${name}@example.com`,
      directoryId: ldap ? 2 : 1,
      groups: groupsOf(i),
      attributes: !ldap && i % 2 === 0 ? { jit_idp_id: `${name}@example.com` } : {},
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
    groups: ['jira-software-users', ...extraGroups].map((name) => ({ name, directoryId: 1 })),
    applicationAccess: [{ application: 'jira-software', groups: ['jira-software-users'] }],
    license: [{ application: 'jira-software', seats: 150_000, used: count }],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}
