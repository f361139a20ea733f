/**
 * AWS IAM Identity Center users (`aws identitystore list-users` JSON) and the application's attribute
 * mappings, turned into the identity data a SAML response for that user would carry (https://docs.aws.amazon.com/singlesignon/latest/userguide/attributemappingsconcept.html).
 */
import { z } from 'zod';
import { parseWith, type ParseOutcome } from './schema-issues.js';
import type { LoginFacts } from './simulation-types.js';

const awsUserSchema = z
  .object({
    UserName: z.string(),
    UserId: z.string(),
    Name: z
      .object({ GivenName: z.string().optional(), FamilyName: z.string().optional(), MiddleName: z.string().optional(), Formatted: z.string().optional() })
      .loose()
      .optional(),
    DisplayName: z.string().optional(),
    Emails: z.array(z.object({ Value: z.string(), Primary: z.boolean().optional(), Type: z.string().optional() }).loose()).optional(),
  })
  .loose();

/** One user as `aws identitystore list-users` prints it. */
export type AwsIdentityStoreUser = z.output<typeof awsUserSchema>;

/** `{ "Users": [...] }` as the CLI prints it, or a bare array (e.g. several pages concatenated). */
export const awsUsersFileSchema = z.union([z.object({ Users: z.array(awsUserSchema) }).loose(), z.array(awsUserSchema)]);

export function parseAwsUsers(data: unknown): ParseOutcome<AwsIdentityStoreUser[]> {
  const parsed = parseWith(awsUsersFileSchema, data);
  if (!parsed.ok) return parsed;
  return { ok: true, value: Array.isArray(parsed.value) ? parsed.value : parsed.value.Users };
}

/** Application attribute name → "Maps to this string value or user attribute" (`${user:email}`); `Subject` is the NameID. */
export const awsMappingsSchema = z.record(
  z.string().min(1),
  z.union([z.string(), z.object({ value: z.string(), format: z.string().optional() }).loose()]).transform((v) => (typeof v === 'string' ? v : v.value)),
);
export type AwsMappings = Record<string, string>;

export function parseAwsMappings(data: unknown): ParseOutcome<AwsMappings> {
  return parseWith(awsMappingsSchema, data);
}

/** What each `${user:…}` variable reads from a list-users record, and whether that is documented. */
export const AWS_VARIABLE_SOURCES: Record<string, { read: (u: AwsIdentityStoreUser) => string | undefined; inferred: boolean; note: string }> = {
  email: { read: primaryEmail, inferred: false, note: 'primary e-mail address' },
  givenName: { read: (u) => u.Name?.GivenName, inferred: false, note: 'Name.GivenName' },
  familyName: { read: (u) => u.Name?.FamilyName, inferred: false, note: 'Name.FamilyName' },
  middleName: { read: (u) => u.Name?.MiddleName, inferred: false, note: 'Name.MiddleName' },
  // Inferred: the guide does not say which name field `${user:name}` is; Formatted, else given + family.
  name: { read: (u) => u.Name?.Formatted ?? joinName(u), inferred: true, note: 'Name.Formatted (else given + family name)' },
  // Inferred: for the Identity Center directory these are taken to be the UserName.
  preferredUsername: { read: (u) => u.UserName, inferred: true, note: 'UserName' },
  subject: { read: (u) => u.UserName, inferred: true, note: 'UserName' },
  // Inferred from public integrations that use it as a stable user id (e.g. Apache Airflow's AWS auth manager setup): AD_GUID resolves to the identity-store user id for non-AD sources.
  AD_GUID: { read: (u) => u.UserId, inferred: true, note: 'UserId' },
};

/** The reader of `${user:name}`; only the variables listed above (a name like `constructor` is no variable). */
export function awsVariableSource(name: string): (typeof AWS_VARIABLE_SOURCES)[string] | undefined {
  return Object.hasOwn(AWS_VARIABLE_SOURCES, name) ? AWS_VARIABLE_SOURCES[name] : undefined;
}

/** The e-mail AWS marks primary, else the first one. */
export function primaryEmail(u: AwsIdentityStoreUser): string | undefined {
  const emails = u.Emails;
  if (!emails) return undefined;
  for (let i = 0; i < emails.length; i += 1) if (emails[i]?.Primary) return emails[i]?.Value;
  return emails[0]?.Value;
}

function joinName(u: AwsIdentityStoreUser): string | undefined {
  const parts = [u.Name?.GivenName, u.Name?.FamilyName].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' ') : undefined;
}

const VARIABLE = /\$\{user:([A-Za-z_]+)\}/g;
export const GROUPS_VARIABLE = '${user:groups}';

/** A mapping compiled once for the whole user base. */
export interface CompiledAwsMappings {
  subject: string;
  /** Evaluates `subject` for one user (as evaluateAwsSource). */
  subjectValue: AwsSourceEvaluator;
  /** Attribute name → source expression, with its evaluator. */
  attributes: ReadonlyArray<{ name: string; source: string; groups: boolean; value: AwsSourceEvaluator }>;
  notes: string[];
}

export function compileAwsMappings(mappings: AwsMappings): CompiledAwsMappings {
  const notes: string[] = [];
  let subject: string | undefined;
  const attributes: Array<{ name: string; source: string; groups: boolean; value: AwsSourceEvaluator }> = [];
  for (const [name, source] of Object.entries(mappings)) {
    if (name.toLowerCase() === 'subject') subject = source;
    else attributes.push({ name, source, groups: source.includes(GROUPS_VARIABLE), value: compileAwsSource(source) });
  }
  if (subject === undefined) {
    subject = '${user:subject}';
    notes.push('The mappings have no "Subject" entry; ${user:subject} (the UserName) was assumed for the NameID.');
  }
  const used = new Set<string>();
  for (const src of [subject, ...attributes.map((a) => a.source)]) for (const m of src.matchAll(VARIABLE)) if (m[1]) used.add(m[1]);
  for (const v of used) {
    const known = awsVariableSource(v);
    if (known?.inferred) notes.push(`\${user:${v}} is taken to be the user's ${known.note} (inferred, not documented by AWS).`);
    else if (!known && v !== 'groups') notes.push(`\${user:${v}} is not an IAM Identity Center attribute: AWS sends the text "\${user:${v}}" unresolved.`);
  }
  if (attributes.some((a) => a.groups)) {
    notes.push('${user:groups} sends group IDs, which list-users does not show: each user is assumed to get IDs that match no group name.');
  }
  return { subject, subjectValue: compileAwsSource(subject), attributes, notes };
}

/** Evaluates one mapping for one user; undefined when a variable has no value (AWS then sends no attribute — inferred). */
export function evaluateAwsSource(source: string, user: AwsIdentityStoreUser): string | undefined {
  return compileAwsSource(source)(user);
}

export type AwsSourceEvaluator = (user: AwsIdentityStoreUser) => string | undefined;

/**
 * A mapping split once into literal text and the readers of its known variables (an unknown `${user:x}` stays
 * literal text, as AWS sends it), so a bulk run does not run a regular expression per user and attribute.
 */
export function compileAwsSource(source: string): AwsSourceEvaluator {
  // A variable's reader has the evaluator's shape: user → value, undefined when it has none.
  const parts: Array<string | AwsSourceEvaluator> = [];
  let last = 0;
  for (const m of source.matchAll(VARIABLE)) {
    const known = awsVariableSource(m[1] ?? '');
    if (!known) continue;
    if (m.index > last) parts.push(source.slice(last, m.index));
    parts.push(known.read);
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push(source.slice(last));
  return (user) => {
    let value = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        value += part;
        continue;
      }
      const v = part(user);
      if (v === undefined || v === '') return undefined;
      value += v;
    }
    return value;
  };
}

const NO_VALUES: readonly string[] = Object.freeze([]);

/** Where an attribute of a predicted response comes from (one function for every user, not a closure each). */
function mappingLocation(name: string): string {
  return `aws-mappings: ${name}`;
}

/**
 * The identity data the SAML response for this user would carry. `groupIds` are the user's AWS group IDs when the
 * memberships are known: `${user:groups}`, undocumented but working, sends group IDs, not names
 * (https://github.com/morincer/teamcity-plugin-saml/issues/71); without them it is assumed to send none that match.
 */
export function factsForAwsUser(user: AwsIdentityStoreUser, mappings: CompiledAwsMappings, groupIds?: readonly string[]): LoginFacts {
  const attributes = new Map<string, readonly string[]>();
  for (const a of mappings.attributes) {
    if (a.groups) {
      attributes.set(a.name, groupIds ?? NO_VALUES);
      continue;
    }
    const v = a.value(user);
    if (v !== undefined) attributes.set(a.name, [v]);
  }
  const facts: LoginFacts = {
    attributes,
    verified: true,
    nameIdLocation: 'aws-mappings: Subject',
    attributeLocation: mappingLocation,
  };
  const nameId = mappings.subjectValue(user);
  if (nameId !== undefined) facts.nameId = nameId;
  return facts;
}
