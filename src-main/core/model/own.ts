/**
 * Lookups in plain-object tables keyed by text from the analysed input (a SAML document, a captured
 * page, a URL, AWS exports, a target profile). Only the table's own entries count: a key such as
 * `constructor`, `toString` or `__proto__` names no entry, where `table[key]` would find an
 * Object.prototype member.
 */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
