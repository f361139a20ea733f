/**
 * flow.relay-state-mismatch: the SP sent a RelayState with its AuthnRequest and the response that
 * answers it came back with another value, or none. SAML 2.0 Bindings §3.4.3 and §3.5.3 require the
 * IdP to return "the exact RelayState data it received with the request". SPs keep the page the user
 * asked for (Atlassian) or their own login state in it, so a changed value sends the user to the
 * wrong page or gets the response refused.
 *
 * Only raised for a response whose InResponseTo names the request: a response that answers another
 * request (flow.in-response-to-mismatch, flow.unsolicited) carries that other login's RelayState, and
 * the finding already raised for it is the cause to fix.
 */
import { awsConfigurationFix } from '../fixes/aws-console.js';
import { genericIdpFix } from '../fixes/idp-generic.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Finding } from '../model/finding.js';
import type { AwsIssuerInfo } from '../model/result.js';
import { exchangeLabel, exchangeSite } from './exchange-label.js';
import type { FlowPair } from './pair-messages.js';

export function relayStateMismatch(pair: FlowPair, app: AwsIssuerInfo | undefined, profile: 'aws' | 'generic' = 'aws'): Finding | undefined {
  const { request, response } = pair;
  if (!request || pair.pairedBy !== 'in-response-to') return undefined;
  const sent = request.message.relayState;
  const returned = response.message.relayState;
  if (sent === undefined || returned === sent) return undefined;
  const came = returned === undefined ? 'without any RelayState' : `with RelayState "${returned}"`;
  return makeFinding('flow.relay-state-mismatch', {
    message:
      `The SP sent RelayState "${sent}" with AuthnRequest ${request.message.id ?? '(no ID)'} (${exchangeLabel(request.exchange)}), ` +
      `but the response that answers it (${exchangeLabel(response.exchange)}) came back ${came}. ` +
      'SAML requires the IdP to return the exact RelayState it received. The SP uses it to send the user back to the page they asked for, ' +
      'or to find its own login state: the user lands on the wrong page, or the SP refuses the response.',
    // The response first: that is where the value went wrong (the Flow tab lists the finding under it).
    evidence: [
      { location: `${exchangeLabel(response.exchange)}, RelayState returned with the Response`, site: exchangeSite(response.exchange), value: returned ?? '(none)', expected: sent },
      { location: `${exchangeLabel(request.exchange)}, RelayState sent with the AuthnRequest`, site: exchangeSite(request.exchange), value: sent },
    ],
    // That a configured "Relay state" replaces the SP's value is inferred: AWS documents it for portal-started logins only.
    inferred: true,
    fix: profile === 'generic'
      ? genericIdpFix({
          summary: "Make the identity provider return the RelayState the SP sent, unchanged (check for a default or fixed RelayState in its configuration of this SP).",
          steps: ['If it has none, look for a reverse proxy or web application firewall in front of the product that rewrites the form post to the ACS URL, and capture the login again.'],
        })
      : awsConfigurationFix('Relay state', {
          summary: 'Clear "Relay state" in the AWS application\'s properties, so IAM Identity Center returns the RelayState the SP sent.',
          app,
          steps: [
            'Under "Application properties", empty the "Relay state" field: it is meant for logins started from the AWS access portal and can replace the value the SP sent.',
            'If it is already empty, look for a reverse proxy or web application firewall in front of the product that rewrites the form post to the ACS URL, and capture the login again.',
          ],
        }),
  });
}
