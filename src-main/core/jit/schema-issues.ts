import type { z } from 'zod';

/** `users[3].directoryId`: the key path a person would look for in their YAML or JSON file. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

/**
 * One line per problem, `key.path: what is wrong`. Union failures are flattened to the branch that
 * got furthest, so the user sees "provisioning.usernameMapping: …" rather than "invalid input".
 */
export function formatZodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): string[] {
  const lines: string[] = [];
  for (const issue of error.issues) collect(issue as IssueLike, prefix, lines);
  return [...new Set(lines)];
}

interface IssueLike {
  code?: string;
  path: PropertyKey[];
  message: string;
  errors?: IssueLike[][];
  keys?: string[];
}

function collect(issue: IssueLike, prefix: readonly PropertyKey[], lines: string[]): void {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
    // The branch with the fewest problems is the one the author most likely meant.
    const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
    if (best && best.length > 0) {
      for (const inner of best) collect(inner, path, lines);
      return;
    }
  }
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    for (const key of issue.keys) lines.push(`${formatIssuePath([...path, key])}: unknown key (check the spelling; see the example profiles)`);
    return;
  }
  lines.push(`${formatIssuePath(path)}: ${issue.message}`);
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** safeParse with errors already formatted for people. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): ParseOutcome<z.output<S>> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: formatZodIssues(result.error) };
}
