/**
 * status.failure: the IdP answered with a non-Success status. Explains the top-level and second-level
 * codes and the StatusMessage, and maps the common AWS causes to the console screen that fixes them.
 */
import { awsConsolePath, awsFix } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding, Fix } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { CheckRun } from './check-run.js';
import { responseVerified } from './message-facts.js';
import { SECOND_LEVEL_STATUS, STATUS_SUCCESS, TOP_LEVEL_STATUS, shortStatus } from './status-codes.js';
import { ownValue } from '../model/own.js';

// AWS's portal shows "No access" when the user is not assigned to the application
// (https://docs.aws.amazon.com/singlesignon/latest/userguide/assignuserstoapp.html; https://github.com/tngan/samlify/issues/539).
const NO_ACCESS = /no access|not assigned|access denied/i;

export function checkStatus(message: MessageResult, run: CheckRun): Finding[] {
  const status = message.status;
  if (!status || status.code === STATUS_SUCCESS) return [];

  const top = shortStatus(status.code);
  const second = status.secondLevelCode ? shortStatus(status.secondLevelCode) : undefined;
  const unverified = !responseVerified(message);
  const evidence: Evidence[] = [{ location: '/Response/Status/StatusCode/@Value', value: status.code, expected: STATUS_SUCCESS, unverified }];
  if (status.secondLevelCode) evidence.push({ location: '/Response/Status/StatusCode/StatusCode/@Value', value: status.secondLevelCode, unverified });
  if (status.message) evidence.push({ location: '/Response/Status/StatusMessage', value: status.message, unverified });

  const parts = [`The IdP answered with status ${top}: ${ownValue(TOP_LEVEL_STATUS, top) ?? 'a status code SAML does not define'}.`];
  if (second) parts.push(`The detail code ${second} means ${ownValue(SECOND_LEVEL_STATUS, second) ?? 'something SAML does not define (an IdP-specific code)'}.`);
  if (status.message) parts.push(`The IdP's own message: "${status.message}".`);
  parts.push('A failure response carries no assertion, so no one is logged in.');

  const aws = run.profile === 'aws';
  const noAccess = aws && (NO_ACCESS.test(status.message ?? '') || second === 'RequestDenied');
  if (noAccess) {
    parts.push(
      'With IAM Identity Center this is the "No access" case: the user is not assigned to the application, directly or through a group (nested groups do not count), or the login was started from the Atlassian side while the application only allows starting from the AWS access portal.',
    );
  }
  const finding = makeFinding('status.failure', {
    message: parts.join(' '),
    evidence,
    fix: statusFix(second, noAccess, aws, run),
  });
  return [finding];
}

function statusFix(second: string | undefined, noAccess: boolean, aws: boolean, run: CheckRun): Fix {
  const app = run.receivedAws ?? run.configuredAws;
  if (noAccess) {
    return awsFix('Assign users and groups', {
      summary: 'Assign the user (or a group the user is a direct member of) to the application in IAM Identity Center.',
      app,
      steps: [
        'Select the user or a group that directly contains the user (IAM Identity Center does not expand nested groups) and choose Assign users.',
        'Check that the user\'s primary e-mail address is set and that the user is enabled.',
        `If the user is assigned and only logins started from Jira/Confluence fail, check "Application start URL" in ${awsConsolePath('Edit configuration')} → Application properties.`,
      ],
    });
  }
  if (aws && second === 'InvalidNameIDPolicy') {
    return awsFix('Edit attribute mappings', {
      summary: 'Make the Subject format in the AWS attribute mappings match the NameID format the Atlassian side requests.',
      field: 'Subject → Format',
      app,
      steps: ['Set the Subject row\'s format to the one the SP asks for (unspecified, emailAddress, persistent or transient; AWS supports no others).'],
    });
  }
  if (aws) {
    return awsFix('Edit configuration', {
      summary: 'Check the application\'s configuration and the user\'s assignment in IAM Identity Center, then retry the login.',
      app,
      steps: [
        'Compare "Application ACS URL" and "Application SAML audience" with the Atlassian side\'s "Assertion Consumer Service URL" and "Audience URL (Entity ID)".',
        `Check the assignment: ${awsConsolePath('Assign users and groups')}.`,
      ],
    });
  }
  return {
    summary: 'Look up the status code and message in the IdP\'s logs for this login; the IdP refused to issue an assertion.',
    where: 'none',
    steps: ['Find the IdP log entry at the response\'s IssueInstant for this user.', 'Fix what the IdP reports, then retry the login.'],
  };
}
