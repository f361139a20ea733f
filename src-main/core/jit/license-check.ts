/**
 * The licence check Atlassian SSO runs before creating a JIT user (from the plugin's
 * license checkers). Reused, marked inferred, for resolution's creations.
 */
import { applicationsGrantedBy, groupExistsAnywhere, type SnapshotIndex } from './snapshot-index.js';
import type { Product, SnapshotLicense } from './snapshot-schema.js';

export interface LicenseVerdict {
  ok: boolean;
  /** Applications whose seats were checked, with what was found. */
  checked: Array<{ application: string; seats: number | null; used: number; full: boolean }>;
  /** Applications the check needed but the snapshot has no licence figures for. */
  unknown: string[];
  /** Plain description for the step. */
  detail: string;
}

function hasSeat(l: SnapshotLicense): boolean {
  return l.seats === null || l.used < l.seats;
}

/** The licence entry for a single-licence product: the one named after it, else the only one. */
function productLicense(index: SnapshotIndex, product: Product): SnapshotLicense | undefined {
  return index.licenseByApplication.get(product) ?? (index.snapshot.license.length === 1 ? index.snapshot.license[0] : undefined);
}

export function checkLicenseForNewUser(index: SnapshotIndex, product: Product, incomingGroups: readonly string[]): LicenseVerdict {
  if (product === 'bamboo') return { ok: true, checked: [], unknown: [], detail: 'Bamboo has no per-user licence check for JIT users.' };
  if (product === 'jira') {
    // Incoming groups → application roles; groups that do not exist yet grant nothing; jira-core is dropped when other roles remain.
    let roles: string[] = [];
    for (const g of incomingGroups) {
      if (!groupExistsAnywhere(index, g)) continue;
      for (const app of applicationsGrantedBy(index, g) ?? []) if (!roles.includes(app)) roles.push(app);
    }
    if (roles.length > 1) roles = roles.filter((r) => r !== 'jira-core');
    if (roles.length === 0) return { ok: true, checked: [], unknown: [], detail: 'None of the incoming groups grants a Jira application, so no seat is needed and the check passes.' };
    return verdictFor(index, roles);
  }
  const lic = productLicense(index, product);
  if (!lic) return { ok: true, checked: [], unknown: [product], detail: `The snapshot has no licence figures for ${product}; the check could not be evaluated.` };
  return verdictFor(index, [lic.application]);
}

function verdictFor(index: SnapshotIndex, applications: string[]): LicenseVerdict {
  const checked: LicenseVerdict['checked'] = [];
  const unknown: string[] = [];
  for (const app of applications) {
    const lic = index.licenseByApplication.get(app);
    if (!lic) unknown.push(app);
    else checked.push({ application: app, seats: lic.seats, used: lic.used, full: !hasSeat(lic) });
  }
  const full = checked.filter((c) => c.full);
  const describe = (c: LicenseVerdict['checked'][number]): string => `${c.application} ${c.used}/${c.seats ?? 'unlimited'}`;
  const parts: string[] = [];
  if (checked.length) parts.push(`seats used: ${checked.map(describe).join(', ')}`);
  if (unknown.length) parts.push(`no licence figures in the snapshot for ${unknown.join(', ')}`);
  return { ok: full.length === 0, checked, unknown, detail: parts.join('; ') + '.' };
}
