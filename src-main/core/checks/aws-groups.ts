/**
 * aws.groups-not-sent and aws.groups-are-ids. IAM Identity Center has no documented way to send group
 * names; the undocumented `${user:groups}` sends identity-store group IDs (or `domain//SID` with an AD
 * source; see aws/group-values.ts). Both matter for Just-in-Time provisioning into Atlassian products:
 * Atlassian's SSO 2.0 JIT makes the user's groups exactly the groups in the response
 * (https://confluence.atlassian.com/enterprise/jit-user-provisioning-1005342579.html).
 */
import { isAwsGroupIdValue, isGroupAttributeName } from '../aws/group-values.js';
import { RESOLUTION_IDP_PATH, atlassianSsoNote, resolutionStep } from '../fixes/atlassian.js';
import { awsConsolePath } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { AttributeInfo, MessageResult } from '../model/message.js';
import type { Finding } from '../model/finding.js';
import type { CheckRun } from './check-run.js';
import { assertionReadable } from './message-facts.js';

/** A group attribute, by name, or by values only `${user:groups}` produces (several IDs, or any `domain//SID`). */
function isGroupAttribute(attr: AttributeInfo): boolean {
  if (isGroupAttributeName(attr.name)) return true;
  const values = attr.values.filter((v) => v.trim() !== '');
  return values.length > 0 && values.every(isAwsGroupIdValue) && (values.length > 1 || values.some((v) => v.includes('//')));
}

export function checkAwsGroups(message: MessageResult, run: CheckRun): Finding[] {
  if (run.profile !== 'aws' || !assertionReadable(message) || message.type !== 'Response') return [];
  const groupAttributes = message.attributes.filter(isGroupAttribute);
  if (groupAttributes.length === 0) return [groupsNotSent(message)];
  return groupAttributes.filter((a) => a.values.some(isAwsGroupIdValue)).map(groupsAreIds);
}

function groupsNotSent(message: MessageResult): Finding {
  const names = message.attributes.map((a) => a.name);
  return makeFinding('aws.groups-not-sent', {
    message:
      'The response carries no group attribute, and IAM Identity Center cannot send group names over SAML. ' +
      'With Just-in-Time provisioning, groups must therefore be managed in the Atlassian product (or a user directory), not by the IdP: ' +
      'Atlassian SSO 2.0 JIT needs a group attribute and fails the login when it is configured but missing; ' +
      'the resolution SAML SSO app can create users without groups and leave their memberships alone. ' +
      'New users still need a group that grants application access (for example jira-software-users or confluence-users), or they cannot log in.',
    evidence: [
      {
        location: '/Response/Assertion/AttributeStatement/Attribute/@Name',
        value: names.length > 0 ? names.join(', ') : '(no attributes)',
        expected: 'a group attribute such as groups or memberOf',
      },
    ],
    fix: {
      summary: 'Manage group memberships in the Atlassian product (or an LDAP/Crowd directory) and give new JIT users a default group with application access.',
      where: 'atlassian-admin',
      path: 'Administration → User management → Groups',
      steps: [
        resolutionStep('in "User Creation and Update" choose "Update from SAML-Attributes (Just-in-Time Provisioning)", map no group attribute, and set default group(s) for new users such as jira-software-users or confluence-users.'),
        atlassianSsoNote('JIT ("Create users on login to the application") requires a group attribute: with AWS, create users ahead of time (user directory or User management) and leave JIT off, or send ${user:groups} IDs (see aws.groups-are-ids).'),
        'Alternatively, sync users and groups into the product from the upstream directory (LDAP, Crowd, or a user-sync connector) and use SAML only to log in.',
        `Control who may log in with the application's assignments in IAM Identity Center (${awsConsolePath('Assign users and groups')}).`,
      ],
    },
  });
}

function groupsAreIds(attr: AttributeInfo): Finding {
  const ids = attr.values.filter(isAwsGroupIdValue);
  const sid = ids.some((v) => v.includes('//'));
  return makeFinding('aws.groups-are-ids', {
    message:
      `Attribute "${attr.name}" carries ${ids.length} group ${sid ? 'Active Directory SIDs (domain//SID)' : 'identity-store group IDs'}, not group names. ` +
      'That is what the undocumented ${user:groups} mapping sends; AWS cannot send names. ' +
      'With Atlassian SSO 2.0 JIT the user\'s groups become exactly these values: a group named after each ID is created, and the user is removed from every group not in the response, ' +
      'including name-based groups such as jira-software-users, so the user can lose application access.',
    evidence: ids.map((v, i) => ({ location: `/Response/Assertion/AttributeStatement/Attribute[@Name="${attr.name}"]/AttributeValue[${i + 1}]`, site: { attributeName: attr.name }, value: v, personal: true })),
    inferred: true,
    fix: {
      summary: `Do not let JIT manage groups from "${attr.name}": translate the IDs to group names, or manage groups in the Atlassian product.`,
      where: 'resolution-saml-sso',
      path: RESOLUTION_IDP_PATH,
      field: 'Groups transformation',
      steps: [
        resolutionStep('add a "Replace Regex with Replacement" transformation per group that maps each ID to the Atlassian group name, and enable "Skip untransformed groups".'),
        atlassianSsoNote('with JIT on, the group mapping decides every membership: either turn JIT off and manage groups in the product, or name the Atlassian groups after the IDs, knowing all other memberships are removed at each login.'),
        `Or remove the mapping to \${user:groups} in ${awsConsolePath('Edit attribute mappings')} and manage groups in the Atlassian product.`,
      ],
    },
  });
}
