/**
 * Defence in depth for presentation mode. Main masks personal data before the renderer sees it;
 * this only checks that promise: the personal values of the last clear workspace are remembered
 * (in memory, never in the DOM) and any that still appear in a masked workspace are blanked out
 * and reported, so a gap in main's redaction never reaches a shared screen.
 */
import type { WorkspaceResult } from '../../src-main/ipc/contract.js';

export const SCRUBBED = '[masked]';

/**
 * Skips values too short or generic to be a person's data (they would match everywhere), and
 * unresolved AWS mapping expressions such as `${user:email}`, which are configuration, not people.
 */
function worthChecking(value: string): boolean {
  const v = value.trim();
  return v.length >= 3 && !/^(true|false|null|none|\(absent\))$/i.test(v) && !/^\$\{[^}]*\}$/.test(v);
}

/**
 * The values that identify the person: the NameID, attribute values, and the Atlassian user the
 * simulation reads or writes. (Evidence texts derive from these; free descriptions and group lists
 * in evidence are configuration, which main leaves readable on purpose.)
 */
export function personalValuesOf(workspace: WorkspaceResult): Set<string> {
  const out = new Set<string>();
  const add = (v: string | undefined | null): void => {
    if (typeof v === 'string' && worthChecking(v)) out.add(v.trim());
  };
  for (const result of workspace.results) {
    for (const m of result.messages) {
      add(m.subject?.nameId);
      for (const a of m.attributes) for (const v of a.values) add(v);
    }
  }
  const sim = workspace.simulation;
  if (sim) {
    add(sim.username);
    for (const user of [sim.user.before, sim.user.after]) {
      if (!user) continue;
      add(user.username);
      add(user.displayName);
      add(user.email);
    }
    // Group names (and the AWS group IDs sent in their place) are what the JIT simulation is about:
    // main leaves them readable there on purpose, even though the groups attribute's values are masked
    // in the message view. The same strings in the simulation are therefore no leak.
    const groups = [...sim.groups.before, ...sim.groups.after, ...sim.groups.added, ...sim.groups.removed, ...sim.groups.created];
    for (const user of [sim.user.before, sim.user.after]) if (user) groups.push(...user.groups);
    for (const m of sim.mappings) if (m.field === 'groups') for (const v of [m.value, m.transformed].flat()) if (typeof v === 'string') groups.push(v);
    for (const g of groups) out.delete(g.trim());
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Returns the workspace with every listed value replaced, and how many distinct values were found.
 * XML-escaped forms are checked too, since the message view shows the document text.
 */
export function scrubPersonal(workspace: WorkspaceResult, values: ReadonlySet<string>): { workspace: WorkspaceResult; leaked: number } {
  if (values.size === 0) return { workspace, leaked: 0 };
  const variants = new Set<string>();
  for (const v of values) {
    variants.add(v);
    variants.add(v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'));
  }
  // Longest first so "Jane Doe" is replaced before "Jane".
  const sorted = [...variants].sort((a, b) => b.length - a.length);
  const text = JSON.stringify(workspace);
  const found = new Set<string>();
  // JSON escaping leaves ordinary text untouched; values with quotes or backslashes are matched in their JSON form too.
  const jsonPattern = new RegExp(sorted.map((v) => escapeRegExp(JSON.stringify(v).slice(1, -1))).join('|'), 'g');
  const scrubbed = text.replace(jsonPattern, (m) => {
    found.add(m);
    return SCRUBBED;
  });
  if (found.size === 0) return { workspace, leaked: 0 };
  return { workspace: JSON.parse(scrubbed) as WorkspaceResult, leaked: found.size };
}
