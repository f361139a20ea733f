/**
 * Stable, per-report pseudonymisation of personal values. People share SAML traces in tickets and are told to
 * mask them first (e.g. https://github.com/wso2-cs/troubleshoot-kit/pull/16), yet SAML-tracer's "Mask values"
 * export keeps the decoded XML in clear (src/SAMLTraceIO.js in https://github.com/simplesamlphp/SAML-tracer).
 *
 * The same value always maps to the same placeholder within one Redactor, so a reader still sees that the
 * NameID equals the `email` attribute, or that a username differs from another only by letter case
 * (`user-1@redacted.invalid` vs `user-1b@redacted.invalid`). Nothing here ever records a value in its output.
 */

import type { DroppedCategory, PersonalCategory, RedactionCategory, RedactionEntry } from '../model/redaction.js';

export type { DroppedCategory, PersonalCategory, RedactionCategory, RedactionEntry } from '../model/redaction.js';

/** A value the caller knows to be personal, for `register`/`redactDeep`. */
export interface PersonalValue {
  value: string;
  category: PersonalCategory;
  /** A label for the redaction list, e.g. `JIT username`. */
  seenAs?: string;
}

export interface RedactorOptions {
  /**
   * Shortest value searched for inside free text (messages, fix text, XML text). Shorter values are still
   * replaced where they are a whole field. Weak values (`value`: attribute values not known to name a person)
   * use `minWeakSweepLength`, so an attribute value like `en` or `yes` does not mangle every sentence.
   */
  minSweepLength?: number;
  minWeakSweepLength?: number;
}

/** Matches an e-mail address anywhere in text (deliberately broad: a false positive only costs a placeholder). */
const EMAIL_SOURCE = String.raw`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`;
const EMAIL_WHOLE = new RegExp(`^${EMAIL_SOURCE}$`);
export const REDACTED_EMAIL_DOMAIN = 'redacted.invalid';
/**
 * Exactly the placeholders this class writes. They are left alone when met again, so redacting twice is
 * harmless; anything else between guillemets is ordinary text and is swept like the rest. The guillemets are
 * written as \u00ab and \u00bb (the regular expression reads them so) because esbuild does not escape raw
 * template text, and the CLI bundle must stay ASCII (scripts/build.mjs).
 */
export const PLACEHOLDER_SOURCE = String.raw`\u00ab(?:(?:user|nameid|name|username|value|id|relaystate|address|local-user|personal)-\d+[a-z]*|dropped)\u00bb|user-\d+[a-z]*@redacted\.invalid`;
/** URLs and URNs: only strong (person-identifying) values are replaced inside them, see `sweep`. */
const URL_SOURCE = String.raw`(?:https?://|urn:)[^\s"'<>\u00ab\u00bb]+`;
/** A user's home folder in a file path names the person running the tool. */
const HOME_SOURCE = String.raw`(?:/home/|/Users/|[A-Za-z]:\\Users\\)[^/\\\s"'<>\u00ab\u00bb]+`;
/** SAML messages and signatures carried in URLs or form bodies: base64 hides personal data from any search. */
const ENCODED_PARAM_SOURCE = String.raw`\b(?:SAMLResponse|SAMLRequest|Signature|RelayState)=[^&\s"'<>]+`;
/** Session cookies and tokens a captured flow may quote: a report must never carry a working login. */
const CREDENTIAL_SOURCE = String.raw`\b(?:JSESSIONID|seraph\.rememberme\.cookie|atlassian\.xsrf\.token|crowd\.token_key|access_token|id_token|refresh_token|password)=[^;&\s"'<>]+|\bAuthorization:\s*(?:Basic|Bearer|Negotiate)\s+[A-Za-z0-9._~+/=-]+`;
/** A long base64 run (a SAMLResponse pasted into a message, a certificate): it may encode personal data. */
const BASE64_RUN_SOURCE = String.raw`[A-Za-z0-9+/]{120,}={0,2}`;

export const DROPPED_PLACEHOLDER = '«dropped»';

const PREFIX: Record<PersonalCategory, string> = {
  email: 'user',
  nameid: 'nameid',
  name: 'name',
  username: 'username',
  value: 'value',
  id: 'id',
  'relay-state': 'relaystate',
  address: 'address',
  'local-user': 'local-user',
  personal: 'personal',
};

const WEAK_CATEGORIES: ReadonlySet<PersonalCategory> = new Set(['value']);

interface Slot {
  placeholder: string;
  category: RedactionCategory;
  count: number;
  seenAs: Set<string>;
  weak: boolean;
}

export function looksLikeEmail(value: string): boolean {
  return EMAIL_WHOLE.test(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `b`, `c`, … `z`, `aa`, … for the second and later case variants of one value. */
function variantSuffix(n: number): string {
  let out = '';
  let i = n;
  do {
    out = String.fromCharCode(97 + (i % 26)) + out;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

export class Redactor {
  private readonly minStrong: number;
  private readonly minWeak: number;
  /** Exact value -> slot. */
  private readonly exact = new Map<string, Slot>();
  /** Lower-cased value -> the family of case variants sharing one number. */
  private readonly families = new Map<string, { base: string; category: PersonalCategory; variants: number }>();
  private readonly counters = new Map<PersonalCategory, number>();
  private readonly dropped = new Map<string, Slot>();
  /** Insertion order of slots, for a stable redaction list. */
  private readonly order: Slot[] = [];
  /** Compiled sweep patterns, rebuilt after a registration adds a value. */
  private sweepPattern: RegExp | undefined;
  private urlPattern: RegExp | undefined;

  constructor(opts: RedactorOptions = {}) {
    this.minStrong = Math.max(1, opts.minSweepLength ?? 2);
    this.minWeak = Math.max(this.minStrong, opts.minWeakSweepLength ?? 4);
  }

  /**
   * Records `value` as personal and returns its placeholder (without counting an occurrence).
   * An e-mail-shaped value always becomes an e-mail placeholder whatever `category` says, so a NameID and an
   * `email` attribute holding the same address share one placeholder. The first registration decides the
   * category of a value; register the most specific kinds (NameID, names) first.
   */
  register(value: string, category: PersonalCategory, seenAs?: string): string {
    const core = value.trim();
    if (core === '') return value;
    return this.slotFor(core, category, seenAs).placeholder;
  }

  private slotFor(core: string, category: PersonalCategory, seenAs?: string): Slot {
    const existing = this.exact.get(core);
    if (existing) {
      if (seenAs) existing.seenAs.add(seenAs);
      return existing;
    }
    const effective: PersonalCategory = looksLikeEmail(core) ? 'email' : category;
    const key = core.toLowerCase();
    let family = this.families.get(key);
    let variant = 0;
    if (family) {
      variant = family.variants;
      family.variants++;
    } else {
      const n = (this.counters.get(effective) ?? 0) + 1;
      this.counters.set(effective, n);
      family = { base: `${PREFIX[effective]}-${n}`, category: effective, variants: 1 };
      this.families.set(key, family);
    }
    const tag = family.base + (variant === 0 ? '' : variantSuffix(variant));
    const placeholder = family.category === 'email' ? `${tag}@${REDACTED_EMAIL_DOMAIN}` : `«${tag}»`;
    const slot: Slot = { placeholder, category: family.category, count: 0, seenAs: new Set(seenAs ? [seenAs] : []), weak: WEAK_CATEGORIES.has(family.category) };
    this.exact.set(core, slot);
    this.order.push(slot);
    this.sweepPattern = undefined;
    this.urlPattern = undefined;
    return slot;
  }

  /** The placeholder a value maps to, if it was registered. */
  placeholderFor(value: string): string | undefined {
    return this.exact.get(value.trim())?.placeholder;
  }

  /** True when the value (trimmed) is a registered personal value. */
  isPersonal(value: string): boolean {
    return this.exact.has(value.trim());
  }

  /**
   * Replaces a whole field that holds a personal value. Surrounding whitespace is kept, because a trailing
   * space in a NameID or attribute value is itself a diagnosis.
   */
  redactValue(value: string, category: PersonalCategory, seenAs?: string): string {
    const core = value.trim();
    if (core === '') return value;
    const slot = this.slotFor(core, category, seenAs);
    slot.count++;
    const start = value.indexOf(core);
    return value.slice(0, start) + slot.placeholder + value.slice(start + core.length);
  }

  /** Counts one dropped item (signature value, certificate bytes ...) and returns the text that replaces it. */
  drop(category: DroppedCategory, seenAs?: string): string {
    let slot = this.dropped.get(category);
    if (!slot) {
      slot = { placeholder: DROPPED_PLACEHOLDER, category, count: 0, seenAs: new Set(), weak: false };
      this.dropped.set(category, slot);
      this.order.push(slot);
    }
    slot.count++;
    if (seenAs) slot.seenAs.add(seenAs);
    return DROPPED_PLACEHOLDER;
  }

  /**
   * Replaces every registered value, every e-mail address, home-folder user names and encoded SAML payloads
   * inside free text. Values match case-insensitively and only as whole words (`Doe` is not replaced in
   * `Does`). Inside URLs and URNs only strong values (not plain attribute values) are replaced, so an
   * attribute value such as `jira` does not break `https://jira.example.com`.
   */
  sweep(text: string): string {
    if (text === '') return text;
    const pattern = this.pattern();
    pattern.lastIndex = 0;
    return text.replace(pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest[rest.length - 1] as Record<string, string | undefined>;
      const offset = rest[rest.length - 3] as number;
      const whole = rest[rest.length - 2] as string;
      if (groups.keep !== undefined) return match;
      if (groups.url !== undefined) return this.sweepUrl(match);
      if (groups.home !== undefined) return this.redactHome(match);
      if (groups.credential !== undefined) return this.redactCredential(match);
      if (groups.param !== undefined) {
        const eq = match.indexOf('=');
        return match.slice(0, eq + 1) + this.drop('encoded-data', 'SAML parameter in a URL or form body');
      }
      // Long slash-separated element paths are base64-shaped too; real base64 of a document always has digits.
      if (groups.b64 !== undefined) return /[0-9]/.test(match) ? this.drop('encoded-data', 'long base64 text') : match;
      if (groups.email !== undefined) return this.redactValue(match, 'email');
      if (!this.atWordBoundary(whole, offset, match.length)) return match;
      return this.replaceMatch(match);
    });
  }

  /**
   * Deep-copies `obj`, replacing personal values: strings equal to a registered value become its placeholder,
   * other strings (and object keys) are swept. `personal` lists values to register first, e.g. the usernames of
   * a JIT simulation; `exempt(path)` returns true for paths to copy untouched (fingerprints, algorithm URIs).
   */
  redactDeep<T>(obj: T, personal: Iterable<PersonalValue> = [], opts: { exempt?: (path: readonly (string | number)[]) => boolean } = {}): T {
    for (const p of personal) this.register(p.value, p.category, p.seenAs);
    const exempt = opts.exempt;
    const walk = (node: unknown, path: (string | number)[]): unknown => {
      if (exempt?.(path)) return structuredCloneSafe(node);
      if (typeof node === 'string') return this.redactString(node);
      if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
      if (node !== null && typeof node === 'object') {
        if (node instanceof Date) return new Date(node.getTime());
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(node)) out[this.redactString(key)] = walk(value, [...path, key]);
        return out;
      }
      return node;
    };
    return walk(obj, []) as T;
  }

  /** A whole-field value: the placeholder when it is registered, else the swept text. */
  redactString(text: string): string {
    const core = text.trim();
    const slot = core === '' ? undefined : this.exact.get(core);
    if (slot) {
      slot.count++;
      const start = text.indexOf(core);
      return text.slice(0, start) + slot.placeholder + text.slice(start + core.length);
    }
    return this.sweep(text);
  }

  /** What was redacted so far: every placeholder that stands somewhere in the output, in first-seen order. */
  entries(): RedactionEntry[] {
    return this.order
      .filter((s) => s.count > 0)
      .map((s) => ({ category: s.category, placeholder: s.placeholder, count: s.count, seenAs: [...s.seenAs].sort() }));
  }

  private redactHome(match: string): string {
    const sep = match.includes('\\') ? '\\' : '/';
    const cut = match.lastIndexOf(sep);
    return match.slice(0, cut + 1) + this.redactValue(match.slice(cut + 1), 'local-user', 'user name in a file path');
  }

  /** A sweep hit on a registered value, possibly in another letter case: reuse or extend its family. */
  private replaceMatch(match: string): string {
    const slot = this.exact.get(match);
    if (slot) {
      slot.count++;
      return slot.placeholder;
    }
    const family = this.families.get(match.toLowerCase());
    // Unreachable in practice (the pattern is built from registered values); kept total for safety.
    if (!family) return match;
    return this.redactValue(match, family.category);
  }

  private atWordBoundary(text: string, offset: number, length: number): boolean {
    const first = text[offset] ?? '';
    const last = text[offset + length - 1] ?? '';
    const before = offset > 0 ? (text[offset - 1] ?? '') : '';
    const after = text[offset + length] ?? '';
    if (WORD_CHAR.test(first) && before !== '' && WORD_CHAR.test(before)) return false;
    if (WORD_CHAR.test(last) && after !== '' && WORD_CHAR.test(after)) return false;
    return true;
  }

  /** Inside one URL/URN: encoded SAML parameters, e-mail addresses and strong values only. */
  private sweepUrl(url: string): string {
    if (!this.urlPattern) {
      const values = this.sweepableValues(false);
      const parts = [`(?<param>${ENCODED_PARAM_SOURCE})`, `(?<credential>${CREDENTIAL_SOURCE})`, `(?<email>${EMAIL_SOURCE})`];
      if (values.length > 0) parts.push(`(?<value>${values.map(escapeRegExp).join('|')})`);
      this.urlPattern = new RegExp(parts.join('|'), 'giu');
    }
    return url.replace(this.urlPattern, (match: string, ...rest: unknown[]) => {
      const groups = rest[rest.length - 1] as Record<string, string | undefined>;
      const offset = rest[rest.length - 3] as number;
      const whole = rest[rest.length - 2] as string;
      if (groups.param !== undefined) {
        const eq = match.indexOf('=');
        return match.slice(0, eq + 1) + this.drop('encoded-data', 'SAML parameter in a URL or form body');
      }
      if (groups.credential !== undefined) return this.redactCredential(match);
      if (groups.email !== undefined) return this.redactValue(match, 'email');
      if (!this.atWordBoundary(whole, offset, match.length)) return match;
      return this.replaceMatch(match);
    });
  }

  /** Keeps the cookie/header name (it explains what was there), drops the secret. */
  private redactCredential(match: string): string {
    const cut = /^Authorization:/i.test(match) ? match.search(/\s\S+$/) + 1 : match.indexOf('=') + 1;
    return match.slice(0, cut) + this.drop('credential', 'session cookie or token');
  }

  private sweepableValues(includeWeak: boolean): string[] {
    const values: string[] = [];
    for (const [value, slot] of this.exact) {
      if (slot.weak && !includeWeak) continue;
      if (value.length < (slot.weak ? this.minWeak : this.minStrong)) continue;
      values.push(value);
    }
    // Longest first, so `Jane Doe` wins over `Jane`.
    return values.sort((a, b) => b.length - a.length);
  }

  private pattern(): RegExp {
    if (this.sweepPattern) return this.sweepPattern;
    const values = this.sweepableValues(true);
    const parts = [
      `(?<keep>${PLACEHOLDER_SOURCE})`,
      `(?<param>${ENCODED_PARAM_SOURCE})`,
      `(?<credential>${CREDENTIAL_SOURCE})`,
      `(?<url>${URL_SOURCE})`,
      `(?<home>${HOME_SOURCE})`,
      `(?<email>${EMAIL_SOURCE})`,
      `(?<b64>${BASE64_RUN_SOURCE})`,
    ];
    if (values.length > 0) parts.push(`(?<value>${values.map(escapeRegExp).join('|')})`);
    this.sweepPattern = new RegExp(parts.join('|'), 'giu');
    return this.sweepPattern;
  }
}

function structuredCloneSafe(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  return JSON.parse(JSON.stringify(node)) as unknown;
}
