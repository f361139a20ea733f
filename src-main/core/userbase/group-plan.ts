/**
 * The local group plan: the memberships an administrator must create or keep by hand so that the Atlassian
 * groups match AWS (JIT cannot carry them). samlscope writes it as a file; it never changes the instance.
 */
import { groupExistsAnywhere, type SnapshotIndex } from '../jit/snapshot-index.js';
import { csvCell } from '../report/csv-cell.js';
import type { GroupPlan, PlanAction, PlanGroupCount, PlanRow, UserBaseUser } from '../model/userbase.js';

export function buildGroupPlan(users: readonly UserBaseUser[], index: SnapshotIndex, loginStripsLocalGroups: boolean): GroupPlan {
  const rows: PlanRow[] = [];
  const counts = new Map<string, PlanGroupCount>();
  const count = (group: string, action: PlanAction): void => {
    const k = group.toLowerCase();
    let c = counts.get(k);
    if (!c) {
      c = { group, exists: groupExistsAnywhere(index, group), add: 0, addAfterFirstLogin: 0, keep: 0, reAddAfterLogin: 0 };
      counts.set(k, c);
    }
    if (action === 'add') c.add += 1;
    else if (action === 'add-after-first-login') c.addAfterFirstLogin += 1;
    else if (action === 'keep') c.keep += 1;
    else c.reAddAfterLogin += 1;
  };
  // Two AWS users landing on one account (a collision) would list its memberships twice.
  const listed = new Set<string>();
  for (const u of users) {
    // A user who is not assigned never logs in: nothing to maintain for them.
    if (!u.assignment.assigned) continue;
    const username = u.account?.username ?? u.username ?? u.awsUserName;
    // Only colliding users can share an account, so only they pay for the duplicate check.
    const push = (group: string, action: PlanAction): void => {
      if (u.colliding) {
        const key = `${username.toLowerCase()}\u0000${group.toLowerCase()}`;
        if (listed.has(key)) return;
        listed.add(key);
      }
      rows.push({ username, group, action });
      count(group, action);
    };
    for (const g of u.missingClaims.hasLocally) push(g, 'keep');
    for (const g of u.missingClaims.willLose) push(g, 're-add-after-login');
    for (const g of u.missingClaims.neverGets) push(g, u.account ? 'add' : 'add-after-first-login');
  }
  const perGroup = [...counts.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return { rows, perGroup, loginStripsLocalGroups };
}

/**
 * `username,group,action`, one membership a line (RFC 4180, formula-safe cells). A plan has about ten rows per
 * user but only a few thousand distinct groups: each `,group,action` ending is escaped and built once, and a
 * user's rows (which are consecutive) share one escaped username, so a line costs one concatenation.
 */
export function renderGroupPlanCsv(plan: GroupPlan): string {
  const lines: string[] = new Array<string>(plan.rows.length + 1);
  lines[0] = 'username,group,action';
  const ending = lineEndings();
  let lastUser: string | undefined;
  let userCell = '';
  for (let i = 0; i < plan.rows.length; i += 1) {
    const r = plan.rows[i] as PlanRow;
    if (r.username !== lastUser) {
      lastUser = r.username;
      userCell = csvCell(r.username);
    }
    lines[i + 1] = userCell + ending(r.group, r.action);
  }
  return lines.join('\r\n') + '\r\n';
}

/** `,group,action` for each group and action, escaped once. */
function lineEndings(): (group: string, action: PlanAction) => string {
  const byAction = new Map<PlanAction, Map<string, string>>();
  return (group, action) => {
    let byGroup = byAction.get(action);
    if (!byGroup) {
      byGroup = new Map();
      byAction.set(action, byGroup);
    }
    let end = byGroup.get(group);
    if (end === undefined) {
      end = `,${csvCell(group)},${action}`;
      byGroup.set(group, end);
    }
    return end;
  };
}
