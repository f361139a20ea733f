/**
 * The shape every check, simulation step and import error reports. Finding ids are a public
 * contract (CLI JSON, reports, tests): never rename one, add a new id instead.
 */
import type { FindingId } from '../findings/catalog.js';
import type { Severity } from './severity.js';

export type { FindingId } from '../findings/catalog.js';
export type { Severity } from './severity.js';

/** Where a piece of evidence was found and what it was. */
export interface Evidence {
  /** A path into the message (`/Response/Assertion/Subject/NameID`), a file position (`line 3, column 7`) or a setting name (`--acs-url`). */
  location: string;
  /** The same place as data, when code needs to act on it. */
  site?: EvidenceSite;
  /** The value found there, verbatim. */
  value?: string;
  /** What a correct setup would have there, when known. */
  expected?: string;
  /** True when `value`/`expected` may identify a person (NameID, e-mail, name, attribute value); reports redact these. */
  personal?: boolean;
  /** True when the value was read from content no trusted signature covers. */
  unverified?: boolean;
}

/** The system a fix is made in. */
export type FixPlace =
  | 'aws-console'
  | 'idp-configuration'
  | 'atlassian-sso'
  | 'resolution-saml-sso'
  | 'atlassian-admin'
  | 'sp-configuration'
  | 'samlscope-input'
  | 'clock'
  | 'none';

/** How reports and the workspace name each place a fix is made. */
export const FIX_PLACE_LABEL: Record<FixPlace, string> = {
  'aws-console': 'AWS IAM Identity Center console',
  'idp-configuration': 'Identity provider configuration',
  'atlassian-sso': 'Atlassian SSO 2.0 settings',
  'resolution-saml-sso': 'resolution SAML SSO app',
  'atlassian-admin': 'Atlassian administration',
  'sp-configuration': 'Service provider configuration',
  'samlscope-input': 'samlscope input',
  clock: 'System clock',
  none: 'No change needed',
};

export interface Fix {
  /** One sentence a person can act on: the field to change and the value to set. */
  summary: string;
  where: FixPlace;
  /** Console/admin navigation path, e.g. `IAM Identity Center → Applications → <app> → Actions → Edit attribute mappings`. */
  path?: string;
  /** Field to change within that screen. */
  field?: string;
  /** The value to set, when the inputs tell us. */
  value?: string;
  /** Further steps, in order. */
  steps?: string[];
}

export interface Finding {
  /** A catalog id (`core/findings/catalog.ts`). */
  id: FindingId;
  severity: Severity;
  /** A short title for lists. */
  title: string;
  /** Plain-language explanation: what is wrong and what it does to the login. */
  message: string;
  fix: Fix;
  evidence: Evidence[];
  /** True when the conclusion rests on inferred, not documented, behaviour. */
  inferred?: boolean;
}

export type Verdict = 'pass' | 'warn' | 'fail';

/** fail if any error, warn if any warning, else pass. */
export function verdictOf(findings: readonly Pick<Finding, 'severity'>[]): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'fail';
  if (findings.some((f) => f.severity === 'warning')) return 'warn';
  return 'pass';
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then information; stable within a severity. */
export function sortFindings<T extends Pick<Finding, 'severity'>>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** The kinds of personal value whose placeholders reports name after them (`user-1@redacted.invalid`, `«id-1»`). */
export type PersonalValueKind = 'nameid' | 'id' | 'relay-state' | 'address';

/**
 * What a piece of evidence is about, as data. `location` says it for people; code (the Flow tab,
 * the attribute table, redaction) reads this and never parses the `location` sentence.
 */
export interface EvidenceSite {
  /** The captured exchange it was found on: `CapturedExchange.index` (0-based). */
  exchangeIndex?: number;
  /** The SAML Attribute it concerns, by its Name. */
  attributeName?: string;
  /** For personal values that are no attribute value: what kind of value it is. */
  personalKind?: PersonalValueKind;
}
