/**
 * An IdP built from samlify that answers like AWS IAM Identity Center for a custom SAML 2.0 application
 * (as IAM Identity Center sends them): issuer `https://portal.sso.eu-west-1.amazonaws.com/saml/assertion/<base64(account_ins-id)>`,
 * `saml2p`/`saml2` prefixes, an entity-format Issuer, emailAddress NameID, attributes email, firstName
 * and lastName (one xsd:string value each), Response and Assertion signed with RSA-SHA256, and the
 * response posted to the application's configured "Application ACS URL" whatever the request asked for.
 * A user who is not assigned to the application gets the access portal's "No access" page and its
 * API's 403 answer instead of a response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import * as samlify from 'samlify';
import { awsIssuer } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';
import { autoPostPage, html, listen, readForm, send, type RunningServer } from './http-util.js';

// Schema validation of incoming requests is not what these tests are about; samlify requires a validator.
samlify.setSchemaValidator({ validate: () => Promise.resolve('skipped') });

export const AWS_ISSUER = awsIssuer('eu-west-1', '123456789012', 'ins-3f5a2b1c4d6e7f80');
const ASSERTION_PATH = new URL(AWS_ISSUER).pathname;
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

export interface IdpUser {
  email: string;
  firstName: string;
  lastName: string;
}

export interface AwsApplicationConfig {
  /** "Application ACS URL". */
  acsUrl: string;
  /** "Application SAML audience". */
  audience: string;
  /** Users assigned to the application (by e-mail); others get "No access". */
  assigned: Set<string>;
}

export interface AwsLikeIdp extends RunningServer {
  /** Where the SP sends its AuthnRequest (the "IAM Identity Center sign-in URL", served locally). */
  ssoUrl: string;
  issuer: string;
  certificatePem: string;
  config: AwsApplicationConfig;
  users: Map<string, IdpUser>;
}

function instant(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function attribute(name: string, value: string): string {
  return `<saml2:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"><saml2:AttributeValue xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xsd:string">${html(value)}</saml2:AttributeValue></saml2:Attribute>`;
}

/** The Response as IAM Identity Center shapes it, before samlify signs it. */
function awsResponseXml(o: { id: string; inResponseTo: string; acsUrl: string; audience: string; user: IdpUser }): string {
  const now = new Date();
  const plus = (min: number) => instant(new Date(now.getTime() + min * 60_000));
  const issuer = `<saml2:Issuer xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">${AWS_ISSUER}</saml2:Issuer>`;
  return (
    `<saml2p:Response xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol" Destination="${html(o.acsUrl)}" ID="${o.id}" InResponseTo="${html(o.inResponseTo)}" IssueInstant="${instant(now)}" Version="2.0">` +
    issuer +
    `<saml2p:Status><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></saml2p:Status>` +
    `<saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomUUID()}" IssueInstant="${instant(now)}" Version="2.0">` +
    issuer.replace(' xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion"', '') +
    `<saml2:Subject><saml2:NameID Format="${EMAIL_FORMAT}">${html(o.user.email)}</saml2:NameID>` +
    `<saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml2:SubjectConfirmationData InResponseTo="${html(o.inResponseTo)}" NotOnOrAfter="${plus(60)}" Recipient="${html(o.acsUrl)}"/></saml2:SubjectConfirmation></saml2:Subject>` +
    `<saml2:Conditions NotBefore="${plus(-5)}" NotOnOrAfter="${plus(60)}"><saml2:AudienceRestriction><saml2:Audience>${html(o.audience)}</saml2:Audience></saml2:AudienceRestriction></saml2:Conditions>` +
    `<saml2:AuthnStatement AuthnInstant="${instant(now)}" SessionIndex="_${randomUUID()}" SessionNotOnOrAfter="${plus(720)}"><saml2:AuthnContext><saml2:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml2:AuthnContextClassRef></saml2:AuthnContext></saml2:AuthnStatement>` +
    `<saml2:AttributeStatement>${attribute('email', o.user.email)}${attribute('firstName', o.user.firstName)}${attribute('lastName', o.user.lastName)}</saml2:AttributeStatement>` +
    `</saml2:Assertion></saml2p:Response>`
  );
}

const NO_ACCESS_PAGE = `<!DOCTYPE html><html><head><title>AWS access portal</title></head><body>
<div id="app"><h1>No access</h1><p>Confirm with your administrator that you have access to the application and that your primary email address is assigned.</p></div>
<script>fetch('/token/whoAmI/application', { credentials: 'include' }).then((r) => r.json()).then((j) => { document.title = j.message; });</script>
</body></html>`;

function loginPage(rid: string): string {
  return `<!DOCTYPE html><html><head><title>AWS access portal - Sign in</title><style>body{font-family:sans-serif;margin:3em;background:#f2f3f3}form{background:#fff;padding:2em;width:22em;border:1px solid #d5dbdb}label,input,button{display:block;box-sizing:border-box;margin:.5em 0;width:100%}button{background:#ec7211;color:#fff;border:0;padding:.6em}</style></head>
<body><form method="post" action="/login"><h2>Sign in</h2><input type="hidden" name="rid" value="${html(rid)}"><label for="username">Username</label><input id="username" name="username" autocomplete="username"><button type="submit" id="next">Next</button></form></body></html>`;
}

export async function startAwsLikeIdp(users: IdpUser[]): Promise<AwsLikeIdp> {
  const pending = new Map<string, { requestId: string; relayState?: string }>();
  // Filled in once the server listens (the SSO URL needs its port); handlers only run after that.
  const idp: AwsLikeIdp = { origin: '', close: async () => undefined, ssoUrl: '', issuer: AWS_ISSUER, certificatePem: IDP_KEY.certificatePem, config: { acsUrl: '', audience: '', assigned: new Set() }, users: new Map(users.map((u) => [u.email, u])) };

  const identityProvider = () =>
    samlify.IdentityProvider({
      entityID: AWS_ISSUER,
      signingCert: IDP_KEY.certificatePem,
      privateKey: IDP_KEY.privateKeyPem,
      requestSignatureAlgorithm: RSA_SHA256,
      wantAuthnRequestsSigned: false,
      nameIDFormat: [EMAIL_FORMAT],
      singleLogoutService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: idp.ssoUrl.replace('/saml/assertion/', '/saml/logout/') }],
      singleSignOnService: [
        { Binding: samlify.Constants.namespace.binding.redirect, Location: idp.ssoUrl },
        { Binding: samlify.Constants.namespace.binding.post, Location: idp.ssoUrl },
      ],
    });
  // The application as configured in IAM Identity Center: its ACS URL and audience, not what the SP asks for.
  const application = () =>
    samlify.ServiceProvider({
      entityID: idp.config.audience,
      wantAssertionsSigned: true,
      wantMessageSigned: true,
      assertionConsumerService: [{ Binding: samlify.Constants.namespace.binding.post, Location: idp.config.acsUrl }],
    });

  const server = await listen(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === ASSERTION_PATH) {
      const query = Object.fromEntries(url.searchParams);
      const body = req.method === 'POST' ? await readForm(req) : {};
      const parsed = req.method === 'POST'
        ? await identityProvider().parseLoginRequest(application(), 'post', { body, query: {} } as never)
        : await identityProvider().parseLoginRequest(application(), 'redirect', { query } as never);
      const rid = randomUUID();
      const relayState = (req.method === 'POST' ? body.RelayState : query.RelayState) as string | undefined;
      pending.set(rid, { requestId: (parsed.extract as { request: { id: string } }).request.id, ...(relayState !== undefined ? { relayState } : {}) });
      send(res, 200, 'text/html; charset=utf-8', loginPage(rid));
      return;
    }
    if (url.pathname === '/login' && req.method === 'POST') {
      const form = await readForm(req);
      const request = pending.get(form.rid ?? '');
      const user = idp.users.get((form.username ?? '').trim());
      if (!request || !user) {
        send(res, 401, 'text/html; charset=utf-8', '<html><body><p>Incorrect username</p></body></html>');
        return;
      }
      if (!idp.config.assigned.has(user.email)) {
        send(res, 200, 'text/html; charset=utf-8', NO_ACCESS_PAGE);
        return;
      }
      pending.delete(form.rid!);
      const sp = application();
      const result = await identityProvider().createLoginResponse(sp, { extract: { request: { id: request.requestId } } } as never, 'post', { email: user.email }, {
        ...(request.relayState !== undefined ? { relayState: request.relayState } : {}),
        customTagReplacement: () => {
          const id = `_${randomUUID()}`;
          return { id, context: awsResponseXml({ id, inResponseTo: request.requestId, acsUrl: idp.config.acsUrl, audience: idp.config.audience, user }) };
        },
      });
      const fields: Record<string, string> = { SAMLResponse: result.context };
      if (request.relayState !== undefined) fields.RelayState = request.relayState;
      send(res, 200, 'text/html; charset=utf-8', autoPostPage(idp.config.acsUrl, fields, 'Signing in…'));
      return;
    }
    if (url.pathname === '/token/whoAmI/application') {
      send(res, 403, 'application/json', JSON.stringify({ message: 'No access', __type: 'com.amazonaws.switchboard.portal#ForbiddenException' }));
      return;
    }
    send(res, 404, 'text/plain', 'not found');
  });
  Object.assign(idp, { ...server, ssoUrl: `${server.origin}${ASSERTION_PATH}` });
  return idp;
}
