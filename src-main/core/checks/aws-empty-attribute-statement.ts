/**
 * aws.empty-attribute-statement: IAM Identity Center emits `<AttributeStatement/>` when an application
 * has no attribute mappings; the SAML schema requires at least one child, so strict SPs reject the
 * response as schema-invalid (https://github.com/SAML-Toolkits/python-saml/issues/259).
 */
import { awsFix } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { CheckRun } from './check-run.js';

export function checkAwsEmptyAttributeStatement(message: MessageResult, run: CheckRun): Finding[] {
  if (run.profile !== 'aws' || !message.assertion?.emptyAttributeStatement) return [];
  return [
    makeFinding('aws.empty-attribute-statement', {
      message:
        'The assertion has an AttributeStatement with no Attribute in it. IAM Identity Center sends this when the application has no attribute mappings. ' +
        'The SAML schema requires at least one attribute there, so strict SPs reject the whole response as schema-invalid, and without attributes JIT provisioning has no e-mail or display name to use.',
      evidence: [{ location: '/Response/Assertion/AttributeStatement', value: '<AttributeStatement/> (no Attribute)', expected: 'at least one Attribute' }],
      fix: awsFix('Edit attribute mappings', {
        summary: 'Add the attribute mappings the Atlassian side needs (at least one), for example email → ${user:email}.',
        field: 'User attribute in the application',
        value: 'email',
        app: run.receivedAws ?? run.configuredAws,
        steps: [
          'Add new attribute mapping: "email" maps to ${user:email}, format unspecified.',
          'For JIT also add "displayName" → ${user:name} (or firstName → ${user:givenName} and lastName → ${user:familyName}), then Save changes.',
        ],
      }),
    }),
  ];
}
