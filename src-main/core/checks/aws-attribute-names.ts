/**
 * aws.attribute-name-suspicious: an attribute name that differs only by letter case or whitespace from
 * a common one (`Email ` vs `email`), or two names that differ only so. AWS sends the name typed in
 * "Edit attribute mappings" verbatim, and the Atlassian mapping looks the attribute up by name, so such
 * a typo makes an attribute "missing" although it is there.
 */
import { atlassianSsoNote, resolutionStep } from '../fixes/atlassian.js';
import { awsFix } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { CheckRun } from './check-run.js';
import { assertionReadable } from './message-facts.js';

/** Spellings in common use; a name matching one of them exactly is fine. */
const ACCEPTED_SPELLINGS: string[][] = [
  ['email', 'Email', 'mail', 'emailAddress', 'EmailAddress'],
  ['firstName', 'FirstName', 'firstname', 'givenName', 'GivenName', 'given_name'],
  ['lastName', 'LastName', 'lastname', 'familyName', 'FamilyName', 'surname', 'Surname', 'family_name'],
  ['displayName', 'DisplayName', 'displayname', 'fullName', 'FullName', 'name', 'Name'],
  ['username', 'userName', 'Username', 'UserName', 'preferred_username', 'preferredUsername', 'login', 'uid'],
  ['groups', 'Groups', 'group', 'memberOf', 'memberof', 'MemberOf'],
];
const ACCEPTED = new Set(ACCEPTED_SPELLINGS.flat());
const BY_LOWER = new Map(ACCEPTED_SPELLINGS.flatMap((group) => group.map((s) => [s.toLowerCase(), group[0] as string] as const)));

// Ordinary and invisible whitespace people paste into the name field.
const WHITESPACE = /[\s\u00a0\u200b-\u200d\u2060\ufeff]/g;

interface Suspicious {
  name: string;
  suggestion: string;
  reason: string;
}

function judgeName(name: string): Suspicious | undefined {
  if (/^(https?:|urn:)/i.test(name.trim())) return undefined;
  const compact = name.replace(WHITESPACE, '');
  const common = BY_LOWER.get(compact.toLowerCase());
  if (!common) return undefined;
  if (compact !== name) {
    const suggestion = ACCEPTED.has(compact) ? compact : common;
    return { name, suggestion, reason: `"${name}" differs from "${suggestion}" only by whitespace` };
  }
  if (!ACCEPTED.has(name)) return { name, suggestion: common, reason: `"${name}" differs from the usual "${common}" only by letter case` };
  return undefined;
}

export function checkAwsAttributeNames(message: MessageResult, run: CheckRun): Finding[] {
  if (run.profile !== 'aws' || !assertionReadable(message)) return [];
  const suspicious: Suspicious[] = [];
  for (const attr of message.attributes) {
    const judged = judgeName(attr.name);
    if (judged) suspicious.push(judged);
  }
  // Two names that collapse to the same text are one mapping typed twice.
  const byKey = new Map<string, string[]>();
  for (const attr of message.attributes) {
    const key = attr.name.replace(WHITESPACE, '').toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), attr.name]);
  }
  for (const names of byKey.values()) {
    if (names.length < 2) continue;
    for (const name of names.slice(1)) {
      if (!suspicious.some((s) => s.name === name)) {
        suspicious.push({ name, suggestion: names[0] as string, reason: `"${name}" and "${names[0]}" differ only by letter case or whitespace` });
      }
    }
  }
  if (suspicious.length === 0) return [];

  const evidence: Evidence[] = suspicious.map((s) => ({
    location: `/Response/Assertion/AttributeStatement/Attribute[@Name="${s.name}"]/@Name`,
    value: JSON.stringify(s.name),
    expected: s.suggestion,
  }));
  const first = suspicious[0] as Suspicious;
  return [
    makeFinding('aws.attribute-name-suspicious', {
      message:
        `${suspicious.map((s) => s.reason).join('; ')}. ` +
        'AWS sends the attribute name exactly as typed in the mapping, and the Atlassian side looks attributes up by name, so a stray space or different case makes the attribute look missing and JIT provisioning fails or leaves the field empty.',
      evidence,
      inferred: true,
      fix: awsFix('Edit attribute mappings', {
        summary: `Rename the application attribute "${first.name}" to "${first.suggestion}" (or to exactly the name the Atlassian mapping uses).`,
        field: 'User attribute in the application',
        value: first.suggestion,
        app: run.receivedAws ?? run.configuredAws,
        steps: [
          ...suspicious.map((s) => `Rename ${JSON.stringify(s.name)} to "${s.suggestion}", then Save changes.`),
          atlassianSsoNote('the mapping expressions (for example ${email}) must use the attribute name with exactly the same case.'),
          resolutionStep('the Attribute Mapping table must name the attribute exactly as AWS sends it.'),
        ],
      }),
    }),
  ];
}
