/**
 * The local group plan: the memberships an administrator must create or keep by hand so that the Atlassian
 * groups match AWS (JIT cannot carry them). samlscope writes it as a file; it never changes the instance.
 */
import { groupExistsAnywhere, type SnapshotIndex } from '../jit/snapshot-index.js';
import { csvCell } from '../report/csv-cell.js';
import type { GroupPlan, PlanAction, PlanGroupCount, PlanRow, UserBaseUser } from '../model/userbase.js';
import { lowerCase } from '../jit/case-fold.js';

/**
 * The plan keeps counts only, added one user at a time in the prediction's order: the prediction adds each user
 * as it makes them, while the user's lists are still in the processor's cache, instead of walking a million
 * memberships again afterwards. Its memberships (about ten per user) are derived from the users whenever they are
 * written out (planRows, renderGroupPlanCsv), so a prediction of a large base does not hold a million row objects.
 */
export class GroupPlanCounter {
  private readonly counts: GroupCounts;
  private readonly walk = new PlanWalk();
  private memberships = 0;
  private readonly visit: PlanVisitor = (_username, group, action) => {
    this.memberships += 1;
    this.counts.count(group, action);
  };

  constructor(index: SnapshotIndex) {
    this.counts = new GroupCounts(index);
  }

  add(user: UserBaseUser): void {
    this.walk.user(user, this.visit);
  }

  finish(loginStripsLocalGroups: boolean): GroupPlan {
    return { memberships: this.memberships, perGroup: this.counts.perGroup(), loginStripsLocalGroups };
  }
}

/** The plan's memberships, one row each, in user order. */
export function planRows(users: readonly UserBaseUser[]): PlanRow[] {
  const rows: PlanRow[] = [];
  forEachPlanMembership(users, (username, group, action) => rows.push({ username, group, action }));
  return rows;
}

type PlanVisitor = (username: string, group: string, action: PlanAction) => void;

/**
 * Every membership an administrator must create or keep by hand, from each assigned user's missing claims: the one
 * walk behind the counts, the rows and the CSV. Index loops: a plan walks every user and about ten groups each, and
 * for…of allocated an iterator result per step.
 */
function forEachPlanMembership(users: readonly UserBaseUser[], visit: PlanVisitor): void {
  const walk = new PlanWalk();
  for (let i = 0; i < users.length; i += 1) walk.user(users[i] as UserBaseUser, visit);
}

/** A walk over the plan's memberships, user after user in the prediction's order. */
class PlanWalk {
  // Two AWS users landing on one account (a collision) would list its memberships twice.
  private readonly listed = new Set<string>();

  user(u: UserBaseUser, visit: PlanVisitor): void {
    // A user who is not assigned never logs in: nothing to maintain for them.
    if (!u.assignment.assigned) return;
    const username = u.account?.username ?? u.username ?? u.awsUserName;
    this.groups(u, username, u.missingClaims.hasLocally, 'keep', visit);
    this.groups(u, username, u.missingClaims.willLose, 're-add-after-login', visit);
    this.groups(u, username, u.missingClaims.neverGets, u.account ? 'add' : 'add-after-first-login', visit);
  }

  private groups(u: UserBaseUser, username: string, groups: readonly string[], action: PlanAction, visit: PlanVisitor): void {
    for (let j = 0; j < groups.length; j += 1) {
      const group = groups[j] as string;
      // Only colliding users can share an account, so only they pay for the duplicate check.
      if (u.colliding && !firstListing(this.listed, username, group)) continue;
      visit(username, group, action);
    }
  }
}

function firstListing(listed: Set<string>, username: string, group: string): boolean {
  const key = `${lowerCase(username)}\u0000${lowerCase(group)}`;
  if (listed.has(key)) return false;
  listed.add(key);
  return true;
}

/** Memberships per group (case-insensitive names, spelled as first seen) and action. */
class GroupCounts {
  private readonly counts = new Map<string, PlanGroupCount>();
  /**
   * The same counts by the name as spelled: a plan names a few thousand groups a million times, mostly with the
   * very strings the group mapping holds, so the lookup by spelling spares folding the name each time.
   */
  private readonly bySpelling = new Map<string, PlanGroupCount>();

  constructor(private readonly index: SnapshotIndex) {}

  count(group: string, action: PlanAction): void {
    let c = this.bySpelling.get(group);
    if (!c) {
      c = this.countFor(group);
      this.bySpelling.set(group, c);
    }
    if (action === 'add') c.add += 1;
    else if (action === 'add-after-first-login') c.addAfterFirstLogin += 1;
    else if (action === 'keep') c.keep += 1;
    else c.reAddAfterLogin += 1;
  }

  private countFor(group: string): PlanGroupCount {
    const k = lowerCase(group);
    let c = this.counts.get(k);
    if (!c) {
      c = { group, exists: groupExistsAnywhere(this.index, group), add: 0, addAfterFirstLogin: 0, keep: 0, reAddAfterLogin: 0 };
      this.counts.set(k, c);
    }
    return c;
  }

  perGroup(): PlanGroupCount[] {
    return [...this.counts.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  }
}

/**
 * `username,group,action`, one membership a line (RFC 4180, formula-safe cells), straight from the users. A plan
 * has about ten rows per user but only a few thousand distinct groups: each `,group,action\r\n` ending is escaped
 * and built once, a user's rows (which are consecutive) share one escaped username, and the pieces are joined once
 * at the end, so a line costs no string of its own.
 */
export function renderGroupPlanCsv(users: readonly UserBaseUser[]): string {
  const pieces: string[] = ['username,group,action\r\n'];
  const ending = lineEndings();
  let lastUser: string | undefined;
  let userCell = '';
  forEachPlanMembership(users, (username, group, action) => {
    if (username !== lastUser) {
      lastUser = username;
      userCell = csvCell(username);
    }
    pieces.push(userCell, ending(group, action));
  });
  return pieces.join('');
}

/** `,group,action\r\n` for each group and action, escaped once. */
function lineEndings(): (group: string, action: PlanAction) => string {
  const byAction: Record<PlanAction, Map<string, string>> = { add: new Map(), 'add-after-first-login': new Map(), keep: new Map(), 're-add-after-login': new Map() };
  return (group, action) => {
    const byGroup = byAction[action];
    let end = byGroup.get(group);
    if (end === undefined) {
      end = `,${csvCell(group)},${action}\r\n`;
      byGroup.set(group, end);
    }
    return end;
  };
}
