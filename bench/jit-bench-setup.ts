/** What the two JIT benchmarks share: the Jira profile they simulate against, the AWS mappings, and timing. */
import { performance } from 'node:perf_hooks';
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
