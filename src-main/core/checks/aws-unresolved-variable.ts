/**
 * aws.unresolved-variable: an attribute value (or the NameID) is literally `${…}`. AWS's mapping field
 * takes "a string value or user attribute" (https://docs.aws.amazon.com/singlesignon/latest/userguide/mapawsssoattributestoapp.html):
 * a mistyped variable is sent as plain text,
 * so every user gets the same meaningless value.
 */
import { DOCUMENTED_USER_VARIABLES, findVariables, suggestUserVariable } from '../aws/variables.js';
import { awsFix } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, EvidenceSite, Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { CheckRun } from './check-run.js';
import { assertionReadable, assertionVerified } from './message-facts.js';

interface Unresolved {
  where: string;
  location: string;
  site: EvidenceSite;
  value: string;
  variables: string[];
}

export function checkAwsUnresolvedVariables(message: MessageResult, run: CheckRun): Finding[] {
  if (run.profile !== 'aws' || !assertionReadable(message)) return [];
  const found: Unresolved[] = [];
  const subject = message.subject;
  if (subject && findVariables(subject.nameId).length > 0) {
    found.push({ where: 'the Subject (NameID)', location: '/Response/Assertion/Subject/NameID', site: { personalKind: 'nameid' }, value: subject.nameId, variables: findVariables(subject.nameId) });
  }
  for (const attr of message.attributes) {
    attr.values.forEach((value, i) => {
      const variables = findVariables(value);
      if (variables.length > 0) {
        found.push({ where: `attribute "${attr.name}"`, location: `/Response/Assertion/AttributeStatement/Attribute[@Name="${attr.name}"]/AttributeValue[${i + 1}]`, site: { attributeName: attr.name }, value, variables });
      }
    });
  }
  if (found.length === 0) return [];

  const unverified = !assertionVerified(message);
  const evidence: Evidence[] = found.map((f) => {
    const suggestion = suggestUserVariable(f.variables[0] as string);
    const e: Evidence = { location: f.location, site: f.site, value: f.value, unverified };
    // A bare `${…}` is configuration text; anything around it may be a person's data.
    if (f.value.replace(/\$\{[^}]*\}/g, '').trim() !== '') e.personal = true;
    if (suggestion) e.expected = suggestion;
    return e;
  });
  const first = found[0] as Unresolved;
  const suggestion = suggestUserVariable(first.variables[0] as string);
  const list = found.map((f) => `${f.where}: ${f.value}`).join('; ');
  return [
    makeFinding('aws.unresolved-variable', {
      message:
        `IAM Identity Center sent a mapping as literal text instead of resolving it (${list}). ` +
        'AWS treats anything that is not exactly one of its supported variables as a fixed string, so every user gets this same value and the Atlassian side cannot tell users apart or provision them correctly. ' +
        `Supported variables: ${DOCUMENTED_USER_VARIABLES.join(', ')}.`,
      evidence,
      fix: awsFix('Edit attribute mappings', {
        summary: suggestion
          ? `In the AWS attribute mappings, change "${first.variables[0]}" for ${first.where} to ${suggestion}.`
          : `In the AWS attribute mappings, replace "${first.variables[0]}" for ${first.where} with one of the supported variables.`,
        field: first.where.startsWith('the Subject') ? 'Subject → Maps to this string value or user attribute in IAM Identity Center' : 'Maps to this string value or user attribute in IAM Identity Center',
        ...(suggestion ? { value: suggestion } : {}),
        app: run.receivedAws ?? run.configuredAws,
        steps: found.map((f) => {
          const s = suggestUserVariable(f.variables[0] as string);
          return `${f.where}: replace ${f.variables.join(', ')} with ${s ?? 'a supported variable'} (case and the colon matter), then Save changes.`;
        }),
      }),
    }),
  ];
}
