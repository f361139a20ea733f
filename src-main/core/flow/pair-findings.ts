/**
 * Findings about how the requests and responses of one flow fit together:
 * flow.in-response-to-mismatch, flow.unsolicited (a request was pending but the response does not
 * answer it), flow.acs-mismatch and flow.no-response.
 */
import { describeDifference } from '../checks/url-difference.js';
import { ATLASSIAN_SSO2_PRODUCT_PATHS } from '../fixes/atlassian.js';
import { awsConfigurationFix, awsFix } from '../fixes/aws-console.js';
import { genericIdpFix } from '../fixes/idp-generic.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding } from '../model/finding.js';
import type { AwsIssuerInfo } from '../model/result.js';
import { exchangeLabel, exchangeSite } from './exchange-label.js';
import type { FlowMessage } from './link-messages.js';
import type { FlowPair } from './pair-messages.js';

function requestEvidence(request: FlowMessage, attribute: string, value: string | undefined): Evidence {
  const e: Evidence = { location: `${exchangeLabel(request.exchange)}, /AuthnRequest/@${attribute}`, site: exchangeSite(request.exchange) };
  if (value !== undefined) e.value = value;
  return e;
}

function responseEvidence(response: FlowMessage, attribute: string, value: string | undefined): Evidence {
  const e: Evidence = { location: `${exchangeLabel(response.exchange)}, /Response/@${attribute}`, site: exchangeSite(response.exchange) };
  if (value !== undefined) e.value = value;
  if (!response.message.signature.signedElements.includes('Response')) e.unverified = true;
  return e;
}

/** The response answers a request ID that is not the request the SP was waiting for. */
export function inResponseToMismatch(pair: FlowPair, otherRequests: FlowMessage[]): Finding | undefined {
  const { request, response, answers } = pair;
  if (pair.pairedBy !== 'position' || !request || answers === undefined) return undefined;
  // The per-message check already judged this response against --authn-request: one finding per response is enough.
  if (response.message.findings.some((f) => f.id === 'flow.in-response-to-mismatch')) return undefined;
  const others = otherRequests.filter((r) => r !== request).map((r) => r.message.id).filter((id): id is string => id !== undefined);
  const evidence: Evidence[] = [
    { ...responseEvidence(response, 'InResponseTo', answers), ...(request.message.id !== undefined ? { expected: request.message.id } : {}) },
    requestEvidence(request, 'ID', request.message.id),
  ];
  return makeFinding('flow.in-response-to-mismatch', {
    message:
      `The response (${exchangeLabel(response.exchange)}) answers request ${answers}, but the request the SP sent before it ` +
      `(${exchangeLabel(request.exchange)}) has ID ${request.message.id ?? '(none)'}` +
      (others.length > 0 ? `; the other requests in this capture are ${others.join(', ')}` : '; no request with that ID is in this capture') +
      '. The SP remembers the requests it sent and rejects a response to one it does not know, so this login fails even if everything else is right.',
    evidence,
    fix: {
      summary: 'Start one login from the Atlassian login page in a single browser tab and finish it there; do not reuse an old IdP page or bookmark.',
      where: 'none',
      steps: [
        'Close other tabs that are in the middle of a login and start again from the product\'s login page.',
        'Do not bookmark the IAM Identity Center sign-in page that the SP redirected to: its URL carries an old request.',
        'On a Data Center cluster, make the load balancer keep each user on one node (sticky sessions), so the node that sent the request receives the response.',
      ],
    },
  });
}

/** A request was pending, but the response carries no InResponseTo at all. */
export function unsolicitedDespiteRequest(pair: FlowPair, app: AwsIssuerInfo | undefined): Finding | undefined {
  const { request, response } = pair;
  if (pair.pairedBy !== 'position' || !request || pair.answers !== undefined) return undefined;
  return makeFinding('flow.unsolicited', {
    severity: 'warning',
    message:
      `The SP sent AuthnRequest ${request.message.id ?? '(no ID)'} (${exchangeLabel(request.exchange)}), but the response that came back ` +
      `(${exchangeLabel(response.exchange)}) has no InResponseTo: the IdP answered as if the login had started at the IdP. ` +
      'An SP that checks that responses answer its requests rejects it; one that accepts IdP-initiated logins lets it through. ' +
      'With IAM Identity Center this happens when the user ends up clicking the application tile in the access portal instead of finishing the login the SP started.',
    evidence: [responseEvidence(response, 'InResponseTo', undefined), requestEvidence(request, 'ID', request.message.id)],
    fix: awsConfigurationFix('Application start URL', {
      summary: 'Let users start from the Atlassian login page, or make the portal tile start an SP-initiated login by setting the application start URL to the product\'s SSO login URL.',
      app,
      steps: [
        'Set "Application start URL" (Application properties) to the product\'s login URL, so a click on the tile sends the user to the SP, which then sends its own AuthnRequest.',
      ],
    }),
  });
}

/** The IdP posted the response to another URL than the AssertionConsumerServiceURL the request asked for. */
/** Which IdP the flow's responses come from: fixes name the AWS console only for IAM Identity Center. */
export type IdpProfile = 'aws' | 'generic';

export function acsMismatch(pair: FlowPair, app: AwsIssuerInfo | undefined, profile: IdpProfile = 'aws'): Finding | undefined {
  const { request, response } = pair;
  const requested = request?.message.request?.assertionConsumerServiceUrl;
  if (!request || requested === undefined || response.message.binding !== 'HTTP-POST') return undefined;
  const postedTo = response.exchange.url;
  const difference = describeDifference(postedTo, requested);
  if (!difference) return undefined;
  const evidence: Evidence[] = [
    { location: `${exchangeLabel(response.exchange)} (URL the response was posted to)`, site: exchangeSite(response.exchange), value: postedTo, expected: requested },
    requestEvidence(request, 'AssertionConsumerServiceURL', requested),
  ];
  if (response.message.destination !== undefined) evidence.push(responseEvidence(response, 'Destination', response.message.destination));
  const aws = profile === 'aws';
  const steps = [
    `Set ${aws ? '"Application ACS URL"' : "the SP's Assertion Consumer Service (ACS) URL in the IdP"} to ${requested}, the URL the SP asks for in its AuthnRequest (Atlassian SSO 2.0 shows it as "Assertion Consumer Service URL": ${ATLASSIAN_SSO2_PRODUCT_PATHS}).`,
  ];
  if (difference.kinds.includes('sso-implementation')) {
    steps.push(`The two URLs belong to different Atlassian SSO implementations (SSO 2.0 uses /plugins/servlet/samlconsumer, the resolution SAML SSO app /plugins/servlet/samlsso): the ${aws ? 'AWS application' : 'IdP'} must point at the one that is enabled.`);
  }
  return makeFinding('flow.acs-mismatch', {
    message:
      `The SP asked for the response at ${requested} (AssertionConsumerServiceURL of ${exchangeLabel(request.exchange)}), but the IdP posted it to ${postedTo}: ${difference.description}. ` +
      (aws
        ? 'IAM Identity Center ignores the requested URL and always posts to its "Application ACS URL" setting, so the response lands where the SP does not expect it.'
        : 'The IdP posted to the ACS URL it is configured with instead of the requested one, so the response lands where the SP does not expect it.'),
    evidence,
    fix: aws
      ? awsConfigurationFix('Application ACS URL', { summary: `In the AWS application's configuration, set "Application ACS URL" to ${requested}.`, value: requested, app, steps })
      : genericIdpFix({ summary: `In the identity provider's configuration of this SP, set the ACS URL to ${requested}.`, field: 'Assertion Consumer Service (ACS) URL', value: requested, steps }),
  });
}

/** A request after which the capture holds no response. */
export function noResponse(request: FlowMessage, app: AwsIssuerInfo | undefined, lastExchangeIndex: number, profile: IdpProfile = 'aws'): Finding {
  const later = lastExchangeIndex - request.exchange.index;
  return makeFinding('flow.no-response', {
    message:
      `The SP sent AuthnRequest ${request.message.id ?? '(no ID)'} (${exchangeLabel(request.exchange)}) to ${request.message.destination ?? request.exchange.url.split('?')[0]}, ` +
      `but no SAML response follows it in the capture (${later} more exchange${later === 1 ? '' : 's'} were recorded after it). ` +
      'Either the user did not finish signing in before the capture stopped, or the IdP refused the request with a page that was not captured.',
    evidence: [requestEvidence(request, 'ID', request.message.id), requestEvidence(request, 'Destination', request.message.destination)],
    fix: profile === 'generic'
      ? genericIdpFix({
          summary: 'Capture the whole login, until the product page or an error appears; if the IdP showed an error, check that the user may use this SP there.',
          steps: ["Start the capture, sign in completely, and stop the capture only after the product's page (or an error page) has loaded."],
        })
      : awsFix('Assign users and groups', {
          summary: 'Capture the whole login, until the product page or an error appears; if IAM Identity Center showed an error, check that the user is assigned to the application.',
          app,
          steps: [
            'Start the capture, sign in completely, and stop the capture only after the product\'s page (or an error page) has loaded.',
            'If the IAM Identity Center page said "No access", assign the user, or a group the user is a direct member of, to the application (nested groups are not supported).',
          ],
        }),
  });
}
