/**
 * Which response attributes a target profile's JIT settings read, for the attribute table's
 * "needed by target" column. Main validates the profile; this only reads the few scalar settings
 * that name attributes (`usernameMapping: ${username}`, `groupsAttribute: groups`, …) from the
 * profile text main hands over (`profiles:load`), YAML or JSON alike.
 */

export interface MappingNeed {
  /** The product field the attribute fills ("Username", "Groups"). */
  field: string;
  /** The setting as written, e.g. `${displayName}` or `groups`. */
  expression: string;
  /** Attribute name, or `NameID`. */
  attribute: string;
}

interface SettingSpec {
  key: string;
  field: string;
  /** `expression`: `${attr}` placeholders; `name`: a bare attribute name (or `NameID`). */
  kind: 'expression' | 'name';
  /** Used when the key is absent, as the engine does. */
  fallback?: string;
}

const ATLASSIAN_SSO: SettingSpec[] = [
  { key: 'usernameMapping', field: 'Username', kind: 'expression', fallback: '${NameID}' },
  { key: 'displayNameMapping', field: 'Display name', kind: 'expression' },
  { key: 'emailMapping', field: 'E-mail', kind: 'expression' },
  { key: 'groupsAttribute', field: 'Groups', kind: 'name' },
];

const RESOLUTION: SettingSpec[] = [
  { key: 'userIdSource', field: 'User id', kind: 'name', fallback: 'NameID' },
  { key: 'fullNameAttribute', field: 'Full name', kind: 'name' },
  { key: 'emailAttribute', field: 'E-mail', kind: 'name' },
  { key: 'groupsAttribute', field: 'Groups', kind: 'name' },
];

/** The scalar value of `key` (YAML `key: value` or JSON `"key": "value"`), unquoted; comments dropped. */
function scalar(text: string, key: string): string | undefined {
  const re = new RegExp(`^[ \\t]*["']?${key}["']?[ \\t]*:[ \\t]*(.*)$`, 'm');
  const raw = re.exec(text)?.[1];
  if (raw === undefined) return undefined;
  let v = raw.trim().replace(/,$/, '').trim();
  const quoted = /^(["'])(.*)\1$/.exec(v);
  if (quoted) v = quoted[2] ?? '';
  else v = v.replace(/\s+#.*$/, '').trim();
  return v === '' || v === 'null' ? undefined : v;
}

export function mappingsFromProfile(text: string, engine: 'atlassian-sso' | 'resolution' | undefined): MappingNeed[] {
  if (!engine) return [];
  const needs: MappingNeed[] = [];
  for (const spec of engine === 'atlassian-sso' ? ATLASSIAN_SSO : RESOLUTION) {
    const value = scalar(text, spec.key) ?? spec.fallback;
    if (value === undefined) continue;
    if (spec.kind === 'name') {
      needs.push({ field: spec.field, expression: value, attribute: value });
      continue;
    }
    for (const m of value.matchAll(/\$\{([^}]+)\}/g)) {
      const name = m[1] ?? '';
      needs.push({ field: spec.field, expression: value, attribute: name.toLowerCase() === 'nameid' ? 'NameID' : name });
    }
  }
  return needs;
}
