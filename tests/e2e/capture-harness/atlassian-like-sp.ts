/**
 * An SP that behaves like Jira Data Center with Atlassian's SSO 2.0 (https://confluence.atlassian.com/enterprise/saml-single-sign-on-for-atlassian-data-center-applications-857050705.html): @node-saml/node-saml
 * validates the response (signature, issuer, audience, InResponseTo of a request it sent), then the
 * login algorithm runs against a tiny user directory and answers with the pages the product shows:
 * a redirect to the dashboard, or the "AuthenticationFailed" page (HTTP 400) with the product's message.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SAML, ValidateInResponseTo, type Profile } from '@node-saml/node-saml';
import { ATLASSIAN_MESSAGES } from '../../../src-main/core/jit/product-messages.js';
import { html, listen, readForm, send, type RunningServer } from './http-util.js';

export const ACS_PATH = '/plugins/servlet/samlconsumer';
export const DASHBOARD = '/secure/Dashboard.jspa';

export interface SpSettings {
  /** How the AuthnRequest travels. */
  binding: 'HTTP-Redirect' | 'HTTP-POST';
  /** JIT provisioning ("Create users on login to the application"). */
  jit: boolean;
  /** SSO 2.0 JIT "display name" mapping; `${displayName}` needs an attribute AWS does not send by default. */
  displayNameMapping: string;
  /** Free licence seats for JIT-created users. */
  freeSeats: number;
  /** Existing users (username = NameID) and whether they have application access. */
  users: Map<string, { canLogIn: boolean }>;
}

export interface AtlassianLikeSp extends RunningServer {
  acsUrl: string;
  entityId: string;
  loginUrl: string;
  settings: SpSettings;
}

function errorPage(message: string): string {
  return `<!DOCTYPE html><html><head><title>Authentication failed - Jira</title><style>body{font-family:-apple-system,sans-serif;margin:3em}.aui-message{border-left:3px solid #de350b;padding:1em;background:#ffebe6}</style></head>
<body><section class="aui-page-panel"><h1>Authentication failed</h1><div class="aui-message aui-message-error"><p class="title">${html(message)}</p><p>[UUID: ${crypto.randomUUID()}]</p></div></section></body></html>`;
}

/** The SSO 2.0 login algorithm after the response is valid (as Atlassian documents it, simplified). */
function login(profile: Profile, settings: SpSettings): { ok: true } | { ok: false; message: string } {
  const username = profile.nameID;
  const attributes = profile.attributes as Record<string, unknown> | undefined;
  const variable = (name: string) => (name === 'NameID' ? username : attributes?.[name]);
  const known = settings.users.get(username);
  if (!known) {
    if (!settings.jit) return { ok: false, message: ATLASSIAN_MESSAGES.userDoesNotExist(username) };
    for (const m of settings.displayNameMapping.matchAll(/\$\{([^}]+)\}/g)) {
      if (variable(m[1]!) === undefined) return { ok: false, message: ATLASSIAN_MESSAGES.attributeNotFound(m[1]!) };
    }
    if (settings.freeSeats <= 0) return { ok: false, message: ATLASSIAN_MESSAGES.licenseLimit };
    settings.freeSeats--;
    settings.users.set(username, { canLogIn: true });
    return { ok: true };
  }
  if (!known.canLogIn) return { ok: false, message: ATLASSIAN_MESSAGES.notPermitted(username) };
  return { ok: true };
}

export async function startAtlassianLikeSp(idp: { ssoUrl: string; issuer: string; certificatePem: string }): Promise<AtlassianLikeSp> {
  // Filled in once the server listens (the URLs need its port); handlers only run after that.
  const sp: AtlassianLikeSp = { origin: '', close: async () => undefined, acsUrl: '', entityId: '', loginUrl: '', settings: { binding: 'HTTP-Redirect', jit: false, displayNameMapping: '${firstName} ${lastName}', freeSeats: 10, users: new Map() } };
  // One SAML instance per settings change would lose its request cache; the binding is read per request instead.
  const samls = new Map<string, SAML>();
  const saml = (binding: SpSettings['binding']): SAML => {
    let s = samls.get(binding);
    if (!s) {
      s = new SAML({
        callbackUrl: sp.acsUrl,
        entryPoint: idp.ssoUrl,
        issuer: sp.entityId,
        audience: sp.entityId,
        idpCert: idp.certificatePem,
        idpIssuer: idp.issuer,
        identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        wantAssertionsSigned: true,
        wantAuthnResponseSigned: true,
        validateInResponseTo: ValidateInResponseTo.always,
        disableRequestedAuthnContext: true,
        authnRequestBinding: binding,
        // The HTTP-POST binding carries the request base64-encoded, not DEFLATE-compressed (SAML bindings §3.5.4).
        skipRequestCompression: binding === 'HTTP-POST',
        acceptedClockSkewMs: 5_000,
      });
      samls.set(binding, s);
    }
    return s;
  };
  const validate = async (samlResponse: string): Promise<Profile> => {
    let lastError: unknown;
    for (const s of samls.values()) {
      try {
        const { profile } = await s.validatePostResponseAsync({ SAMLResponse: samlResponse });
        if (profile) return profile;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError ?? new Error('no request was sent');
  };

  const server = await listen(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/login.jsp') {
      const s = saml(sp.settings.binding);
      if (sp.settings.binding === 'HTTP-POST') {
        send(res, 200, 'text/html; charset=utf-8', await s.getAuthorizeFormAsync(DASHBOARD, undefined, {}));
      } else {
        res.writeHead(302, { Location: await s.getAuthorizeUrlAsync(DASHBOARD, undefined, {}), 'Cache-Control': 'no-store' });
        res.end();
      }
      return;
    }
    if (url.pathname === ACS_PATH && req.method === 'POST') {
      const form = await readForm(req);
      let profile: Profile;
      try {
        profile = await validate(form.SAMLResponse ?? '');
      } catch (error) {
        send(res, 400, 'text/html; charset=utf-8', errorPage(`SAML response could not be validated: ${(error as Error).message}`));
        return;
      }
      const outcome = login(profile, sp.settings);
      if (!outcome.ok) {
        send(res, 400, 'text/html; charset=utf-8', errorPage(outcome.message));
        return;
      }
      const target = form.RelayState && form.RelayState.startsWith('/') ? form.RelayState : DASHBOARD;
      res.writeHead(302, { Location: `${sp.origin}${target}`, 'Set-Cookie': 'JSESSIONID=test; HttpOnly; Path=/' });
      res.end();
      return;
    }
    if (url.pathname === DASHBOARD) {
      send(res, 200, 'text/html; charset=utf-8', '<!DOCTYPE html><html><head><title>System Dashboard - Jira</title></head><body><h1>System Dashboard</h1><p>Welcome to Jira</p></body></html>');
      return;
    }
    send(res, 404, 'text/html; charset=utf-8', '<!DOCTYPE html><html><head><title>404 - Page not found</title></head><body><h1>Page not found</h1></body></html>');
  });
  Object.assign(sp, { ...server, acsUrl: `${server.origin}${ACS_PATH}`, entityId: `${server.origin}`, loginUrl: `${server.origin}/login.jsp` });
  return sp;
}
