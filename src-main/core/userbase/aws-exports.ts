/**
 * The AWS CLI exports the user-base prediction reads, recognised by shape (never guessed from the file name):
 * `aws identitystore list-users`, `list-groups`, `list-group-memberships` (one group per file or several
 * concatenated), `list-group-memberships-for-member`, `aws sso-admin list-application-assignments`, and
 * samlscope's group mapping file. A file whose shape matches none of them is refused.
 */
import { z } from 'zod';
import { awsMappingsSchema, awsUsersFileSchema, type AwsIdentityStoreUser, type AwsMappings } from '../jit/aws-users.js';
import { formatZodIssues } from '../jit/schema-issues.js';
import { parseJsonDocuments } from './json-documents.js';

const id = z.string().min(1, 'must not be empty');

export const awsGroupSchema = z.object({ GroupId: id, DisplayName: z.string().min(1, 'must not be empty'), Description: z.string().optional() }).loose();
export const awsGroupsFileSchema = z.object({ Groups: z.array(awsGroupSchema) }).loose();

/** Identity Center memberships name users only (assignments do not reach users through nested groups: https://github.com/awsdocs/aws-single-sign-on-user-guide/blob/main/doc_source/assignuserstoapp.md). */
export const awsMembershipSchema = z.object({ GroupId: id, MemberId: z.object({ UserId: id }).loose() }).loose();
export const awsMembershipsFileSchema = z.object({ GroupMemberships: z.array(awsMembershipSchema) }).loose();

export const awsAssignmentSchema = z.object({ PrincipalType: z.enum(['USER', 'GROUP']), PrincipalId: id }).loose();
export const awsAssignmentsFileSchema = z.object({ ApplicationAssignments: z.array(awsAssignmentSchema) }).loose();

const groupTargetsSchema = z
  .union([z.string().trim().min(1, 'must not be empty'), z.array(z.string().trim().min(1, 'must not be empty'))])
  .transform((v) => (typeof v === 'string' ? [v] : v));

/** AWS group display name (or GroupId) → the Atlassian group name(s) its members should have. */
export const groupMappingFileSchema = z.object({
  groupMapping: z.record(z.string().min(1, 'an AWS group name must not be empty'), groupTargetsSchema),
});

export type AwsGroup = z.output<typeof awsGroupSchema>;
export type AwsMembership = z.output<typeof awsMembershipSchema>;
export type AwsAssignment = z.output<typeof awsAssignmentSchema>;
export type GroupMapping = Record<string, string[]>;

export const AWS_EXPORT_KINDS = ['users', 'groups', 'memberships', 'assignments', 'group-mapping', 'aws-mappings'] as const;
export type AwsExportKind = (typeof AWS_EXPORT_KINDS)[number];

export type AwsExport =
  | { kind: 'users'; users: AwsIdentityStoreUser[] }
  | { kind: 'groups'; groups: AwsGroup[] }
  | { kind: 'memberships'; memberships: AwsMembership[] }
  | { kind: 'assignments'; assignments: AwsAssignment[] }
  | { kind: 'group-mapping'; mapping: GroupMapping }
  | { kind: 'aws-mappings'; mappings: AwsMappings };

/** What each kind is, in the words of the command that writes it. */
export const AWS_EXPORT_LABEL: Record<AwsExportKind, string> = {
  users: 'aws identitystore list-users',
  groups: 'aws identitystore list-groups',
  memberships: 'aws identitystore list-group-memberships (or list-group-memberships-for-member)',
  assignments: 'aws sso-admin list-application-assignments',
  'group-mapping': 'group mapping file ({"groupMapping": {...}})',
  'aws-mappings': 'IAM Identity Center attribute mappings',
};

export type RecogniseOutcome = { ok: true; value: AwsExport } | { ok: false; errors: string[] };

/** The top-level key that names each AWS export. */
const KEY_KINDS: Array<[string, AwsExportKind]> = [
  ['Users', 'users'],
  ['Groups', 'groups'],
  ['GroupMemberships', 'memberships'],
  ['ApplicationAssignments', 'assignments'],
  ['groupMapping', 'group-mapping'],
];

function kindOf(doc: unknown): AwsExportKind | undefined {
  if (Array.isArray(doc)) return doc.length > 0 && typeof doc[0] === 'object' && doc[0] !== null && 'UserName' in doc[0] ? 'users' : undefined;
  if (typeof doc !== 'object' || doc === null) return undefined;
  for (const [key, kind] of KEY_KINDS) if (key in doc) return kind;
  // Attribute mappings: application attribute → "${user:…}" or a literal; recognised by a Subject row or a ${user:…} value.
  const entries = Object.entries(doc);
  if (entries.length > 0 && entries.every(([, v]) => typeof v === 'string' || (typeof v === 'object' && v !== null && 'value' in v))) {
    if (entries.some(([k, v]) => k.toLowerCase() === 'subject' || (typeof v === 'string' && v.includes('${user:')))) return 'aws-mappings';
  }
  return undefined;
}

function describeShape(doc: unknown): string {
  if (Array.isArray(doc)) return `an array of ${doc.length} item(s)`;
  if (typeof doc !== 'object' || doc === null) return `a ${doc === null ? 'null' : typeof doc}`;
  const keys = Object.keys(doc);
  return keys.length ? `an object with the key(s) ${keys.slice(0, 6).map((k) => `"${k}"`).join(', ')}` : 'an empty object';
}

const UNKNOWN_HELP = 'expected the JSON of aws identitystore list-users ("Users"), list-groups ("Groups"), list-group-memberships ("GroupMemberships"), aws sso-admin list-application-assignments ("ApplicationAssignments"), a group mapping ("groupMapping") or attribute mappings ("Subject": "${user:email}", ...)';

/**
 * Recognises one file's text. Errors name the file, the key path and what is wrong:
 * `groups.json: Groups[2].DisplayName: must not be empty`.
 */
export function recogniseAwsExport(fileName: string, text: string, expected?: AwsExportKind): RecogniseOutcome {
  const parsed = parseJsonDocuments(text);
  if (!parsed.ok) return { ok: false, errors: [`${fileName}: ${parsed.error}`] };
  const kinds = parsed.documents.map(kindOf);
  const first = kinds[0];
  const unknownAt = kinds.findIndex((k) => k === undefined);
  if (unknownAt >= 0 || first === undefined) {
    const where = parsed.documents.length > 1 ? ` (document ${unknownAt + 1} of ${parsed.documents.length})` : '';
    return { ok: false, errors: [`${fileName}${where}: not a file samlscope knows: it is ${describeShape(parsed.documents[Math.max(0, unknownAt)])}; ${UNKNOWN_HELP}.`] };
  }
  const mixed = kinds.findIndex((k) => k !== first);
  if (mixed >= 0) return { ok: false, errors: [`${fileName}: document ${mixed + 1} is ${AWS_EXPORT_LABEL[kinds[mixed] as AwsExportKind]} but document 1 is ${AWS_EXPORT_LABEL[first]}; put each kind in its own file.`] };
  if (expected && first !== expected) return { ok: false, errors: [`${fileName}: this is ${AWS_EXPORT_LABEL[first]}, expected ${AWS_EXPORT_LABEL[expected]}.`] };
  return validate(fileName, first, parsed.documents);
}

function validate(fileName: string, kind: AwsExportKind, documents: unknown[]): RecogniseOutcome {
  const errors: string[] = [];
  const check = <S extends z.ZodType>(schema: S): Array<z.output<S>> => {
    const out: Array<z.output<S>> = [];
    documents.forEach((doc, i) => {
      const r = schema.safeParse(doc);
      if (r.success) out.push(r.data);
      else {
        const where = documents.length > 1 ? ` (document ${i + 1})` : '';
        for (const line of formatZodIssues(r.error).slice(0, 20)) errors.push(`${fileName}${where}: ${line}`);
      }
    });
    return out;
  };
  const done = (value: AwsExport): RecogniseOutcome => (errors.length ? { ok: false, errors } : { ok: true, value });
  switch (kind) {
    case 'users':
      return done({ kind, users: check(awsUsersFileSchema).flatMap((d) => (Array.isArray(d) ? d : d.Users)) });
    case 'groups':
      return done({ kind, groups: check(awsGroupsFileSchema).flatMap((d) => d.Groups) });
    case 'memberships':
      return done({ kind, memberships: check(awsMembershipsFileSchema).flatMap((d) => d.GroupMemberships) });
    case 'assignments':
      return done({ kind, assignments: check(awsAssignmentsFileSchema).flatMap((d) => d.ApplicationAssignments) });
    case 'group-mapping':
      check(groupMappingFileSchema);
      return done({ kind, mapping: errors.length ? {} : groupMappingOf(documents) });
    case 'aws-mappings':
      return done({ kind, mappings: Object.assign({}, ...check(awsMappingsSchema)) });
  }
}

/**
 * The mappings of valid group mapping documents, later documents winning. Read from the documents themselves
 * into a null-prototype record: zod leaves a `__proto__` key out of a record, and an AWS group may be called that.
 */
function groupMappingOf(documents: unknown[]): GroupMapping {
  const mapping = Object.create(null) as GroupMapping;
  for (const doc of documents) {
    for (const [name, targets] of Object.entries((doc as { groupMapping: Record<string, unknown> }).groupMapping)) {
      const parsed = groupTargetsSchema.safeParse(targets);
      if (parsed.success) mapping[name] = parsed.data;
    }
  }
  return mapping;
}
