/** `jit.orphaned-account`: one finding for all accounts JIT left behind, with the seats they hold and the fix per product. */
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding, Fix } from '../model/finding.js';
import { productName } from '../jit/product-paths.js';
import type { Product } from '../jit/snapshot-schema.js';
import type { LocalAccount } from '../model/userbase.js';

/** Evidence lists at most this many accounts; the full list is in the prediction's `orphaned`. */
const MAX_EVIDENCE = 20;

/** Where each product deactivates a user, and the field to change. */
function deactivateFix(product: Product, usernames: string[]): Fix {
  const value = usernames.length <= 5 ? usernames.join(', ') : `${usernames.slice(0, 5).join(', ')} and ${usernames.length - 5} more (see the orphaned list)`;
  const common = ['Revoke the accounts\' personal access tokens and reset their local passwords: JIT never disables them, and AWS no longer guards them.'];
  switch (product) {
    case 'jira':
      return { summary: 'Deactivate each account in Jira: clear "Active" on the user\'s Edit screen; this frees its licence seat.', where: 'atlassian-admin', path: 'Jira administration → User management → Users → <user> → Edit', field: 'Active', value: `unchecked for ${value}`, steps: common };
    case 'confluence':
      return { summary: 'Disable each account in Confluence; a disabled user holds no licence seat.', where: 'atlassian-admin', path: 'Confluence administration → Users & Security → Users → <user>', field: 'Disable', value, steps: common };
    case 'bitbucket':
      return {
        summary: 'Bitbucket cannot deactivate an internal user: remove each account from every group that grants "Bitbucket User" (or delete the user); that frees its licence seat.',
        where: 'atlassian-admin',
        path: 'Bitbucket administration → Accounts → Users → <user> → Groups',
        field: 'Groups',
        value: `remove the licensed groups from ${value}`,
        steps: common,
      };
    case 'bamboo':
      return { summary: 'Remove each account from the groups with the "Access" global permission (or delete the user).', where: 'atlassian-admin', path: 'Bamboo administration → Security → Users → <user>', field: 'Groups', value: `remove the access groups from ${value}`, steps: common };
  }
}

export function orphanedAccountFinding(product: Product, orphaned: readonly LocalAccount[], seats: ReadonlyMap<string, number>): Finding | undefined {
  if (orphaned.length === 0) return undefined;
  const deleted = orphaned.filter((a) => a.reason === 'deleted-in-aws').length;
  const unassigned = orphaned.length - deleted;
  const seatText = seats.size ? [...seats].map(([app, n]) => `${n} ${app} seat${n === 1 ? '' : 's'}`).join(', ') : 'no application seats';
  const evidence: Evidence[] = orphaned.slice(0, MAX_EVIDENCE).map((a) => ({
    location: `${a.directory}: ${a.username}`,
    value: a.reason === 'not-assigned' ? `AWS user ${a.awsUserName ?? ''} is not assigned to the application` : 'no AWS user logs in to this account',
    personal: true,
  }));
  evidence.push({ location: 'licence seats held', value: seatText });
  return makeFinding('jit.orphaned-account', {
    message:
      `${orphaned.length} active ${productName(product)} account${orphaned.length === 1 ? '' : 's'} created by JIT ${orphaned.length === 1 ? 'has' : 'have'} no AWS user that can still log in to ${orphaned.length === 1 ? 'it' : 'them'} ` +
      `(${deleted} whose AWS user no longer exists, ${unassigned} whose AWS user is not assigned to the application). JIT only creates and updates users at login and never disables them, ` +
      `so they stay active, hold ${seatText}, and can still sign in with a local password or a personal access token.`,
    evidence,
    fix: deactivateFix(product, orphaned.map((a) => a.username)),
  });
}
