import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../src-main/connectors/connector-error.js';
import { explainNetworkError } from '../../../src-main/connectors/explain-failure.js';
import { createReadOnlyHttpClient, type ReadOnlyHttpClientOptions } from '../../../src-main/connectors/http-client.js';
import { startFakeInstance, type FakeInstance, type FakeInstanceOptions } from './fake-instance.js';
import { DATA, TOKEN } from './sample-data.js';
import { makeCertificate } from './tls-certs.js';

let fake: FakeInstance | undefined;

afterEach(async () => {
  const violations = fake?.violations ?? [];
  await fake?.close();
  fake = undefined;
  expect(violations, 'samlscope sent a request other than GET').toEqual([]);
});

async function jira(extra: Partial<FakeInstanceOptions> = {}): Promise<FakeInstance> {
  fake = await startFakeInstance({ product: 'jira', data: DATA, auth: { bearer: TOKEN, basic: { username: 'admin', password: 'pw-secret-1' } }, ...extra });
  return fake;
}

function client(baseUrl: string, extra: Partial<ReadOnlyHttpClientOptions> = {}) {
  return createReadOnlyHttpClient({ baseUrl, auth: { type: 'pat', token: TOKEN }, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('read-only HTTP client: answers', () => {
  it('sends the token as a Bearer header and parses JSON', async () => {
    const f = await jira();
    const me = await client(f.baseUrl).getJson('/rest/api/2/myself');
    expect(me).toMatchObject({ name: 'admin' });
    expect(f.requests.map((r) => [r.method, r.authScheme])).toEqual([['GET', 'bearer']]);
  });

  it('sends basic credentials when the profile uses basic auth', async () => {
    const f = await jira();
    const c = createReadOnlyHttpClient({ baseUrl: f.baseUrl, auth: { type: 'basic', username: 'admin', password: 'pw-secret-1' } });
    await expect(c.getJson('/rest/api/2/myself')).resolves.toMatchObject({ name: 'admin' });
    expect(f.requests[0]?.authScheme).toBe('basic');
  });

  it('explains a rejected token without revealing it', async () => {
    const f = await jira();
    const err = await failure(createReadOnlyHttpClient({ baseUrl: f.baseUrl, auth: { type: 'pat', token: 'wrong-token-abc123' } }).getJson('/rest/api/2/myself'));
    expect(err.kind).toBe('auth');
    expect(err.status).toBe(401);
    expect(err.message).toMatch(/personal access token/i);
    expect(err.message).toMatch(/expired/);
    expect(err.message).not.toContain('wrong-token-abc123');
  });

  it('points at the basic-auth block of the SSO app when a password is rejected', async () => {
    const f = await jira();
    const err = await failure(createReadOnlyHttpClient({ baseUrl: f.baseUrl, auth: { type: 'basic', username: 'admin', password: 'not-the-password-xyz' } }).getJson('/rest/api/2/myself'));
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('GET /rest/basicauth/1.0/config');
    expect(err.message).not.toContain('not-the-password-xyz');
  });

  it('explains 403 as missing administrator rights', async () => {
    const f = await jira();
    f.script({ path: '/rest/api/2/applicationrole', status: 403, body: { errorMessages: ['You are not authorised to perform this operation.'] } });
    const err = await failure(client(f.baseUrl).getJson('/rest/api/2/applicationrole'));
    expect(err.kind).toBe('forbidden');
    expect(err.message).toMatch(/administrator/);
    expect(err.message).toContain('The server said: "You are not authorised to perform this operation"');
  });

  it('reads a 404 HTML page as a wrong base URL, and a JSON 404 as "absent" only where asked', async () => {
    const f = await jira();
    const c = client(f.baseUrl);
    const err = await failure(c.getJson('/rest/api/2/nothing-here'));
    expect(err.kind).toBe('not-found');
    expect(err.message).toMatch(/base URL/);
    expect(err.message).toMatch(/context path/);
    await expect(c.getJsonOrAbsent('/rest/api/2/user', { username: 'ghost' })).resolves.toBeUndefined();
    expect((await failure(c.getJsonOrAbsent('/rest/api/2/nothing-here'))).kind).toBe('not-found');
  });

  it('says so when a 200 answer is an HTML login page instead of JSON', async () => {
    const f = await jira();
    f.script({ path: '/rest/api/2/myself', status: 200, headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><html><title>Log in</title></html>' });
    const err = await failure(client(f.baseUrl).getJson('/rest/api/2/myself'));
    expect(err.kind).toBe('bad-json');
    expect(err.message).toContain('text/html');
    expect(err.message).toContain('<!DOCTYPE html>');
    expect(err.message).toMatch(/login page/);
  });

  it('reports a redirect (an SSO page intercepting REST) instead of following it', async () => {
    const f = await jira();
    f.script({ path: '/rest/api/2/myself', status: 302, headers: { location: 'https://idp.example.com/login?SAMLRequest=abc' } });
    const err = await failure(client(f.baseUrl).getJson('/rest/api/2/myself'));
    expect(err.kind).toBe('redirect');
    expect(err.message).toContain('https://idp.example.com/login');
    expect(err.message).not.toContain('SAMLRequest');
    expect(f.requests).toHaveLength(1);
  });

  it('stops reading at the response size cap', async () => {
    const f = await jira();
    const err = await failure(client(f.baseUrl, { maxResponseBytes: 200 }).getJson('/rest/api/2/applicationrole'));
    expect(err.kind).toBe('too-large');
  });
});

describe('read-only HTTP client: retries and time limits', () => {
  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    const f = await jira();
    f.script({ path: '/rest/api/2/myself', status: 429, headers: { 'retry-after': '1' }, body: { message: 'Rate limit exceeded' } });
    await expect(client(f.baseUrl).getJson('/rest/api/2/myself')).resolves.toMatchObject({ name: 'admin' });
    expect(f.requests).toHaveLength(2);
    const gap = (f.requests[1]?.at ?? 0) - (f.requests[0]?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(950);
  });

  it('gives up on 503 after the bounded number of attempts and says how many', async () => {
    const f = await jira();
    f.script({ path: '/rest/api/2/myself', status: 503, times: 10, body: { message: 'Maintenance' } });
    const err = await failure(client(f.baseUrl, { maxAttempts: 3, backoffBaseMs: 20 }).getJson('/rest/api/2/myself'));
    expect(err.kind).toBe('unavailable');
    expect(err.message).toMatch(/service unavailable/);
    expect(err.message).toContain('tried 3 times');
    expect(f.requests).toHaveLength(3);
  });

  it('does not sit through a Retry-After longer than it is willing to wait', async () => {
    const f = await jira();
    f.script({ path: '/rest/api/2/myself', status: 429, headers: { 'retry-after': '3600' } });
    const started = Date.now();
    const err = await failure(client(f.baseUrl).getJson('/rest/api/2/myself'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err.kind).toBe('rate-limited');
    expect(err.message).toMatch(/asked to wait 3600 s/);
    expect(f.requests).toHaveLength(1);
  });

  it('times out a slow answer after the per-request timeout', async () => {
    const f = await jira();
    f.script({ path: '/rest/api/2/myself', delayMs: 4000 });
    const started = Date.now();
    const err = await failure(client(f.baseUrl, { timeoutMs: 300 }).getJson('/rest/api/2/myself'));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('300 ms');
    expect(err.message).toMatch(/timeoutMs/);
  });

  it('enforces the overall deadline across retries', async () => {
    const f = await jira();
    f.script({ path: '/rest/api/2/myself', status: 503 });
    f.script({ path: '/rest/api/2/myself', delayMs: 4000 });
    const started = Date.now();
    const err = await failure(client(f.baseUrl, { deadlineMs: 800, backoffBaseMs: 100 }).getJson('/rest/api/2/myself'));
    // Well before the slow answer arrives, however loaded the machine is.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(err.kind).toBe('deadline');
    expect(err.message).toContain('overall deadline of 800 ms');
    expect(f.requests.length).toBeLessThanOrEqual(2);
  });

  it('stops when the caller cancels', async () => {
    const f = await jira();
    f.script({ path: '/rest/api/2/myself', delayMs: 1500 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await failure(client(f.baseUrl, { signal: controller.signal }).getJson('/rest/api/2/myself'));
    expect(err.kind).toBe('aborted');
  });
});

describe('read-only HTTP client: connection and TLS failures', () => {
  it('explains a self-signed certificate, names the code, and fixes it with NODE_EXTRA_CA_CERTS, never by disabling checks', async () => {
    const tls = makeCertificate({ commonName: '127.0.0.1', altNames: [{ ip: '127.0.0.1' }] });
    const f = await jira({ tls });
    const err = await failure(client(f.baseUrl).getJson('/rest/api/2/myself'));
    expect(err.kind).toBe('tls');
    expect(err.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(err.message).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(err.message).toContain('NODE_EXTRA_CA_CERTS');
    expect(err.message).not.toMatch(/NODE_TLS_REJECT_UNAUTHORIZED|rejectUnauthorized/);
    expect(f.requests).toHaveLength(0);
  });

  const ca = makeCertificate({ commonName: 'samlscope test CA', isCa: true });
  const trusting = (): Agent => new Agent({ connect: { ca: ca.cert } });

  it('connects when the certificate chains to a trusted CA (control for the next two)', async () => {
    const f = await jira({ tls: makeCertificate({ commonName: '127.0.0.1', altNames: [{ ip: '127.0.0.1' }], issuer: ca }) });
    await expect(client(f.baseUrl, { dispatcher: trusting() }).getJson('/rest/api/2/myself')).resolves.toMatchObject({ name: 'admin' });
  });

  it('explains a host-name mismatch', async () => {
    const f = await jira({ tls: makeCertificate({ commonName: 'jira.example.com', altNames: [{ dns: 'jira.example.com' }], issuer: ca }) });
    const err = await failure(client(f.baseUrl, { dispatcher: trusting() }).getJson('/rest/api/2/myself'));
    expect(err.kind).toBe('tls');
    expect(err.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(err.message).toMatch(/different host name/);
  });

  it('explains an expired certificate', async () => {
    const expired = makeCertificate({ commonName: '127.0.0.1', altNames: [{ ip: '127.0.0.1' }], issuer: ca, notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2021-01-01T00:00:00Z') });
    const f = await jira({ tls: expired });
    const err = await failure(client(f.baseUrl, { dispatcher: trusting() }).getJson('/rest/api/2/myself'));
    expect(err.kind).toBe('tls');
    expect(err.code).toBe('CERT_HAS_EXPIRED');
    expect(err.message).toMatch(/expired/);
  });

  it('explains a refused connection', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const err = await failure(client(`http://127.0.0.1:${port}`).getJson('/rest/api/2/myself'));
    expect(err.kind).toBe('refused');
    expect(err.message).toContain('ECONNREFUSED');
  });

  it('explains a host name that does not resolve', () => {
    const dnsError = Object.assign(new Error('getaddrinfo ENOTFOUND jira.example.invalid'), { code: 'ENOTFOUND' });
    const err = explainNetworkError(dnsError, 'GET https://jira.example.invalid/rest/api/2/myself', 'jira.example.invalid');
    expect(err.kind).toBe('dns');
    expect(err.message).toMatch(/could not be resolved/);
    expect(err.message).toMatch(/VPN/);
  });

  it('refuses a base URL that carries credentials', () => {
    expect(() => client('https://admin:secret-pw@jira.example.com')).toThrow(/must not contain credentials/);
  });
});

describe('fake instance guard', () => {
  it('records any request other than GET, so a connector test would fail', async () => {
    const f = await jira();
    const res = await request(`${f.baseUrl}/rest/api/2/user`, { method: 'POST', body: '{}' });
    await res.body.dump();
    expect(res.statusCode).toBe(405);
    expect(f.violations).toEqual(['POST /rest/api/2/user']);
    f.violations.length = 0; // this test provoked it on purpose
  });
});
