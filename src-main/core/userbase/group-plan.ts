/**
 * The local group plan: the memberships an administrator must create or keep by hand so that the Atlassian
 * groups match AWS (JIT cannot carry them). samlscope writes it as a file; it never changes the instance.
 */
import { groupExistsAnywhere, type SnapshotIndex } from '../jit/snapshot-index.js';
import { csvCell } from '../report/csv-cell.js';
import type { GroupPlan, PlanAction, PlanGroupCount, PlanRow, UserBaseUser } from '../model/userbase.js';
import { lowerCase } from '../jit/case-fold.js';

export function buildGroupPlan(users: readonly UserBaseUser[], index: SnapshotIndex, loginStripsLocalGroups: boolean): GroupPlan {
  const plan = new PlanBuilder(index);
  // Index loops: a plan walks every user and about ten groups each, and for…of allocated an iterator result per step.
  for (let i = 0; i < users.length; i += 1) {
    const u = users[i] as UserBaseUser;
    // A user who is not assigned never logs in: nothing to maintain for them.
    if (!u.assignment.assigned) continue;
    const user = { name: u.account?.username ?? u.username ?? u.awsUserName, colliding: u.colliding };
    plan.addAll(user, u.missingClaims.hasLocally, 'keep');
    plan.addAll(user, u.missingClaims.willLose, 're-add-after-login');
    plan.addAll(user, u.missingClaims.neverGets, u.account ? 'add' : 'add-after-first-login');
  }
  return { rows: plan.rows, perGroup: plan.perGroup(), loginStripsLocalGroups };
}

/** The plan's rows, and its counts per group (case-insensitive names, spelled as first seen). */
class PlanBuilder {
  readonly rows: PlanRow[] = [];
  private readonly counts = new Map<string, PlanGroupCount>();
  // Two AWS users landing on one account (a collision) would list its memberships twice.
  private readonly listed = new Set<string>();

  constructor(private readonly index: SnapshotIndex) {}

  addAll(user: { name: string; colliding: boolean }, groups: readonly string[], action: PlanAction): void {
    for (let i = 0; i < groups.length; i += 1) {
      const group = groups[i] as string;
      // Only colliding users can share an account, so only they pay for the duplicate check.
      if (user.colliding && !this.firstListing(user.name, group)) continue;
      this.rows.push({ username: user.name, group, action });
      this.count(group, action);
    }
  }

  perGroup(): PlanGroupCount[] {
    return [...this.counts.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  }

  private firstListing(username: string, group: string): boolean {
    const key = `${lowerCase(username)}\u0000${lowerCase(group)}`;
    if (this.listed.has(key)) return false;
    this.listed.add(key);
    return true;
  }

  private count(group: string, action: PlanAction): void {
    const k = lowerCase(group);
    let c = this.counts.get(k);
    if (!c) {
      c = { group, exists: groupExistsAnywhere(this.index, group), add: 0, addAfterFirstLogin: 0, keep: 0, reAddAfterLogin: 0 };
      this.counts.set(k, c);
    }
    if (action === 'add') c.add += 1;
    else if (action === 'add-after-first-login') c.addAfterFirstLogin += 1;
    else if (action === 'keep') c.keep += 1;
    else c.reAddAfterLogin += 1;
  }
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
