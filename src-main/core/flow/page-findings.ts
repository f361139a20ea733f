/**
 * flow.sp-error and flow.idp-error: the page the SP or the IdP answered with, its message quoted, and
 * the fix for that message. Each fix names the findings that diagnose the same cause from the
 * response itself or from the JIT simulation, so a support agent can follow the thread.
 */
import { ATLASSIAN_SSO2_PRODUCT_PATHS, atlassianSsoNote, atlassianSsoStep, resolutionStep } from '../fixes/atlassian.js';
import { awsFix } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding, Fix } from '../model/finding.js';
import type { AwsIssuerInfo } from '../model/result.js';
import type { IdpErrorPage, SpErrorPage } from './answer-pages.js';
import { exchangeLabel, exchangeLabelWithStatus, exchangeSite } from './exchange-label.js';
import type { FlowMessage } from './link-messages.js';

const JIRA_ACCESS = 'Jira: Administration → Applications → Application access; Confluence: General Configuration → Global permissions (Can use); Bitbucket: Administration → Global permissions';
const JIRA_LICENSE = 'Jira: Administration → Applications → Versions & licenses; Confluence: General Configuration → License Details; Bitbucket: Administration → Licensing';
const USER_DIRECTORIES = 'Jira: Administration → User management → User Directories; Confluence: General Configuration → User Directories; Bitbucket: Administration → Accounts → User Directories';

function related(ids: string[]): string {
  return `Related findings in this analysis: ${ids.join(', ')} (shown when the response or the JIT simulation explains the same cause).`;
}

function attributeNames(response: FlowMessage | undefined): string[] {
  return response?.message.attributes.map((a) => a.name) ?? [];
}

function spFix(page: SpErrorPage, response: FlowMessage | undefined, app: AwsIssuerInfo | undefined): Fix {
  const nameId = response?.message.subject?.nameId;
  switch (page.kind) {
    case 'user-does-not-exist':
      return {
        summary: `No user "${page.user ?? ''}" exists in the product: create users on login (JIT), or make the username mapping produce the existing username.`,
        where: 'atlassian-sso',
        path: ATLASSIAN_SSO2_PRODUCT_PATHS,
        field: 'Username mapping',
        steps: [
          atlassianSsoStep('Username mapping', `the SP looked up "${page.user ?? ''}"${nameId !== undefined ? ` (the response's NameID is "${nameId}")` : ''}. If users are named differently (e.g. jdoe instead of an e-mail address), map an attribute that carries the username, e.g. \${username}, and send that attribute from AWS.`),
          atlassianSsoStep('Username mapping', 'or turn on "Create users on login to the application" (JIT provisioning) so the user is created at the first login.'),
          resolutionStep('set "User Update Method" to create users, or map the username attribute the product knows.'),
          'In AWS, the NameID comes from the application\'s attribute mapping for "Subject": use ${user:email} or ${user:preferredUsername}, whichever matches the product\'s usernames.',
          related(['jit.username-mismatch', 'jit.case-mismatch', 'nameid.format-mismatch']),
        ],
      };
    case 'not-permitted':
      return {
        summary: `The user "${page.user ?? ''}" exists but has no application access: add a group the user is in to the product's application access.`,
        where: 'atlassian-admin',
        path: JIRA_ACCESS,
        steps: [
          'Add the user to a group that has application access (e.g. jira-software-users), or grant access to a group the IdP sends.',
          'With JIT provisioning and group sync, send that group from AWS in the groups attribute; a login removes groups the IdP does not send.',
          related(['jit.no-application-access', 'jit.groups-removed']),
        ],
      };
    case 'attribute-not-found': {
      const name = page.attribute ?? '';
      const sent = attributeNames(response);
      const looksLikeGroup = /[-_ ]users$|^jira-|^confluence-|^bitbucket-|administrators$/i.test(name);
      const steps = [
        `The response carries ${sent.length > 0 ? `the attributes ${sent.join(', ')}` : 'no attributes'}; the SP's mapping asks for "${name}".`,
        atlassianSsoNote('under JIT provisioning, check the display name, email and groups mappings: each ${variable} and the groups attribute must name an attribute the response carries.'),
        `Or, in AWS (${'IAM Identity Center → Applications → <application> → Actions → Edit attribute mappings'}), add an attribute named "${name}" with the right user value.`,
      ];
      if (looksLikeGroup) {
        steps.unshift(`"${name}" looks like a group name: the groups mapping must name the attribute that carries the groups (e.g. groups), not a group. IAM Identity Center sends no group attribute by default.`);
      }
      steps.push(related(['jit.attribute-missing', 'jit.groups-not-sent', 'aws.groups-not-sent', 'aws.attribute-name-suspicious']));
      return awsFix('Edit attribute mappings', {
        summary: `Make the attribute the SP asks for ("${name}") and the attributes AWS sends agree: fix the SP's mapping, or add the attribute in AWS.`,
        field: 'User attribute in the application',
        value: name,
        app,
        steps,
      });
    }
    case 'license-limit':
      return {
        summary: 'The licence has no free seat for a new user: free a seat or raise the user tier before this user logs in.',
        where: 'atlassian-admin',
        path: JIRA_LICENSE,
        steps: ['Deactivate users who no longer need access, or remove their application access, to free seats.', related(['jit.license-full'])],
      };
    case 'no-writable-directory':
      return {
        summary: 'JIT provisioning needs an active internal directory that allows creating users and groups.',
        where: 'atlassian-admin',
        path: USER_DIRECTORIES,
        steps: ['Enable the internal directory (or give it create permissions) and move it where JIT can use it.', related(['jit.no-writable-directory'])],
      };
    case 'nameid-not-found':
      return awsFix('Edit attribute mappings', {
        summary: 'The response has no NameID: map "Subject" in the AWS application to ${user:email} (format emailAddress).',
        field: 'Subject',
        value: '${user:email}',
        app,
      });
    case 'mapping-not-set':
      return {
        summary: `Fill in the ${page.mapping ?? ''} mapping under JIT provisioning in Atlassian SSO 2.0.`,
        where: 'atlassian-sso',
        path: ATLASSIAN_SSO2_PRODUCT_PATHS,
        steps: [`Use \${variable} names of attributes the response carries${attributeNames(response).length > 0 ? ` (${attributeNames(response).join(', ')})` : ''}.`],
      };
    case 'http-error':
      return {
        summary: 'Read the product\'s log at the time of this login: Atlassian logs the reason for a rejected SAML response with an [UUID: …] reference.',
        where: 'sp-configuration',
        steps: [
          'Jira: <home>/log/atlassian-jira.log; Confluence: <home>/logs/atlassian-confluence.log; Bitbucket: <home>/log/atlassian-bitbucket.log.',
          'Compare the response\'s findings above with the SP settings: a rejected signature, audience or ACS URL is reported there.',
        ],
      };
  }
}

const WHAT: Record<SpErrorPage['kind'], string> = {
  'user-does-not-exist': 'The SP accepted the response but found no user with the username it derived from it.',
  'not-permitted': 'The SP accepted the response and found the user, but the user has no access to the product.',
  'attribute-not-found': 'The SP accepted the response, but its mapping needs an attribute the response does not carry.',
  'license-limit': 'The SP accepted the response, but creating the new user would exceed the licence.',
  'no-writable-directory': 'JIT provisioning found no internal directory where it may create users and groups.',
  'nameid-not-found': 'The SP found no NameID in the response.',
  'mapping-not-set': 'A JIT provisioning mapping is empty in the SP\'s configuration.',
  'http-error': 'The SP answered the response with an error status.',
};

export function spErrorFinding(page: SpErrorPage, response: FlowMessage | undefined, app: AwsIssuerInfo | undefined): Finding {
  const personal = page.kind === 'user-does-not-exist' || page.kind === 'not-permitted';
  const evidence: Evidence[] = [{ location: exchangeLabelWithStatus(page.exchange), site: exchangeSite(page.exchange), value: page.text, ...(personal ? { personal: true } : {}) }];
  if (response) evidence.push({ location: `${exchangeLabel(response.exchange)} (the response it answers)`, site: exchangeSite(response.exchange), ...(response.message.id !== undefined ? { value: response.message.id } : {}) });
  return makeFinding('flow.sp-error', {
    message: `${WHAT[page.kind]} The page says: "${page.text}".`,
    evidence,
    fix: spFix(page, response, app),
  });
}

export function idpErrorFinding(page: IdpErrorPage, request: FlowMessage | undefined, app: AwsIssuerInfo | undefined): Finding {
  const evidence: Evidence[] = [{ location: exchangeLabelWithStatus(page.exchange), site: exchangeSite(page.exchange), value: page.text }];
  if (request) evidence.push({ location: `${exchangeLabel(request.exchange)} (the request it answers)`, site: exchangeSite(request.exchange), ...(request.message.id !== undefined ? { value: request.message.id } : {}) });
  return makeFinding('flow.idp-error', {
    message:
      `IAM Identity Center refused the login with "No access" instead of sending a SAML response${request ? ` to AuthnRequest ${request.message.id ?? ''}` : ''}. ` +
      'It says this when the signed-in user is not assigned to the application (directly or through a group), or when the application only allows logins started from the access portal.',
    evidence,
    fix: awsFix('Assign users and groups', {
      summary: 'Assign the user, or a group the user is a direct member of, to the AWS application.',
      app,
      steps: [
        'Nested groups are not supported: the user must be a direct member of an assigned group.',
        'If the user is assigned, check the application\'s sign-in options: an application that only accepts logins from the access portal answers SP-initiated logins with "No access".',
        'The related finding flow.no-response is not repeated for this request: this page is why no response came.',
      ],
    }),
  });
}
