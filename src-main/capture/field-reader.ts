/**
 * Reads fields of an assembled capture entry and records what was wrong with them, so an importer
 * can skip a broken entry or field and say exactly which one (`log.entries[12].request.url: expected
 * a string, found the number 7`).
 */
import { describeValue } from './json-shape.js';

export class FieldReader {
  readonly problems: string[] = [];

  constructor(readonly basePath: string) {}

  path(rel: string): string {
    return `${this.basePath}.${rel}`;
  }

  /** The value at `rel` (dot path) of `root`, without judging it. */
  get(root: unknown, rel: string): unknown {
    let v: unknown = root;
    for (const part of rel.split('.')) {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
      v = (v as Record<string, unknown>)[part];
    }
    return v;
  }

  /** A string field; a missing optional field is fine, anything else but a string is a problem. */
  string(root: unknown, rel: string, required = false): string | undefined {
    const v = this.get(root, rel);
    if (typeof v === 'string') return v;
    if (v === undefined && !required) return undefined;
    if (v === null && !required) return undefined;
    this.problems.push(`${this.path(rel)}: expected a string, found ${describeValue(v)}`);
    return undefined;
  }

  /** An integer field; digits in a string are accepted (some exporters write "302"). */
  integer(root: unknown, rel: string): number | undefined {
    const v = this.get(root, rel);
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
    if (v === undefined || v === null || v === '') return undefined;
    this.problems.push(`${this.path(rel)}: expected a whole number, found ${describeValue(v)}`);
    return undefined;
  }

  /** An array field; a missing one reads as empty. */
  array(root: unknown, rel: string): unknown[] {
    const v = this.get(root, rel);
    if (Array.isArray(v)) return v;
    if (v !== undefined && v !== null) this.problems.push(`${this.path(rel)}: expected an array, found ${describeValue(v)}`);
    return [];
  }

  /** `[{name, value}]` or `[[name, value]]` (SAML-tracer before 1.0); malformed items are reported and left out. */
  nameValueList(root: unknown, rel: string): Array<{ name: string; value: string }> {
    const out: Array<{ name: string; value: string }> = [];
    this.array(root, rel).forEach((item, i) => {
      let name: unknown;
      let value: unknown;
      if (Array.isArray(item)) [name, value] = item;
      else if (item !== null && typeof item === 'object') ({ name, value } = item as { name?: unknown; value?: unknown });
      if (typeof name === 'string' && (typeof value === 'string' || typeof value === 'number')) out.push({ name, value: String(value) });
      else this.problems.push(`${this.path(rel)}[${i}]: expected a name and a value, found ${describeValue(item)}`);
    });
    return out;
  }
}
