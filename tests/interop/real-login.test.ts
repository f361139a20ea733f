/**
 * A real browser login between two SAML implementations nobody on this project wrote: SimpleSAMLphp as
 * the IdP and Apache mod_auth_mellon as the SP, on loopback ports, driven by Debian's Chromium while
 * samlscope's capture engine records it. samlscope's analysis of the capture must pair the AuthnRequest
 * with the Response, verify the signatures, and read the NameID and attributes exactly as mellon
 * received them (the protected page prints mellon's environment). Once with a signed assertion, once
 * with it also encrypted for the SP (samlscope given the SP's key, as mellon has it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src-main/core/analyze.js';
import { parseIdpMetadata } from '../../src-main/core/metadata/idp-metadata.js';
import { certificatePemFromBase64 } from '../../src-main/core/metadata/pem.js';
import { parseSpMetadata } from '../../src-main/core/metadata/sp-metadata.js';
import type { TrustedCertificate } from '../../src-main/core/model/certificate.js';
import { defaultOptions, type AnalysisOptions } from '../../src-main/core/model/options.js';
import type { AnalysisResult } from '../../src-main/core/model/result.js';
import { makeKeyPair, type TestKeyPair } from '../fixtures/keys.js';
import { CHROMIUM_PATH, launchChromium } from '../support/chromium.js';
import { loginThroughSimpleSamlPhp, type CapturedLogin } from './real-login/browser-login.js';
import { APACHE, MELLON_MODULE, mellonVariables, planMellonSp, startMellonSp, type MellonSp } from './real-login/mellon-sp.js';
import { freePort } from './real-login/processes.js';
import { opensslVerifies, redirectSignatureOf } from './real-login/redirect-signature.js';
import { SIMPLESAMLPHP_WWW, startSimpleSamlPhp, type IdpUser, type SimpleSamlPhpIdp } from './real-login/simplesamlphp-idp.js';
import { samlscopeSignatureVerdicts } from './support/samlscope-cli.js';
import { xmlsecOpinion } from './support/second-opinion.js';
import { XMLSEC1_PACKAGE, describeWithPackages, file, phpExtension } from './support/system-packages.js';

const ALICE: IdpUser = {
  username: 'alice',
  password: 'correct horse battery staple',
  attributes: { mail: ['alice@example.com'], givenName: ['Zoë'], sn: ['Archer'], groups: ['jira-software-users', 'confluence-users'] },
};

describeWithPackages('interop: real login from SimpleSAMLphp to Apache mod_auth_mellon, captured in Chromium', [
  file('simplesamlphp', SIMPLESAMLPHP_WWW),
  phpExtension('php-xml', 'dom'),
  file('apache2', APACHE),
  file('libapache2-mod-auth-mellon', MELLON_MODULE),
  file('chromium', CHROMIUM_PATH),
  XMLSEC1_PACKAGE,
], () => {
  let dir: string;
  let spKeys: TestKeyPair;
  let idp: SimpleSamlPhpIdp | undefined;
  let sp: MellonSp | undefined;
  let browser: Browser | undefined;

  const serverOutput = () => `\n--- SimpleSAMLphp:\n${idp?.output() ?? ''}\n--- mellon:\n${sp?.output() ?? ''}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samlscope-interop-login-'));
    const idpKeys = makeKeyPair({ commonName: '127.0.0.1', label: 'simplesamlphp-idp' });
    spKeys = makeKeyPair({ commonName: '127.0.0.1', label: 'mellon-sp' });
    // Order matters: the IdP needs the SP's names, and mellon reads the IdP's metadata when it starts.
    const plan = planMellonSp(await freePort(), spKeys.certificatePem);
    try {
      idp = await startSimpleSamlPhp({ dir: join(dir, 'idp'), keyPem: idpKeys.privateKeyPem, certificatePem: idpKeys.certificatePem, users: [ALICE], sp: { entityId: plan.entityId, acsUrl: plan.acsUrl, certificateBase64: spKeys.certificateBase64 } });
      sp = await startMellonSp({ dir: join(dir, 'sp'), plan, keyPem: spKeys.privateKeyPem, certificatePem: spKeys.certificatePem, idpMetadataXml: idp.metadataXml });
      browser = await launchChromium();
    } catch (error) {
      throw new Error(`${(error as Error).message}${serverOutput()}`, { cause: error });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await sp?.stop();
    await idp?.stop();
    if (dir && !process.env.SAMLSCOPE_KEEP_INTEROP) rmSync(dir, { recursive: true, force: true });
  });

  /** One login, captured and analysed as the app would with the IdP's metadata, the SP's metadata and key. */
  async function captureAndAnalyse(): Promise<{ login: CapturedLogin; result: AnalysisResult; mellon: Map<string, string> }> {
    let login: CapturedLogin;
    try {
      login = await loginThroughSimpleSamlPhp(browser!, { protectedUrl: sp!.protectedUrl, username: ALICE.username, password: ALICE.password, finalText: 'Mellon environment' });
    } catch (error) {
      throw new Error(`${(error as Error).message}${serverOutput()}`, { cause: error });
    }
    const idpMetadata = parseIdpMetadata(idp!.metadataXml);
    const trusted = idpMetadata.signingCertificates.map((b64) => ({ pem: certificatePemFromBase64(b64), source: 'idp-metadata' as const, origin: 'SimpleSAMLphp metadata' }));
    const result = await analyseCapture(login, trusted, { idpMetadata });
    return { login, result, mellon: mellonVariables(login.finalText) };
  }

  /** samlscope's analysis of a capture, trusting `trusted`, knowing the SP's metadata and key. */
  function analyseCapture(login: CapturedLogin, trusted: TrustedCertificate[], extra: Partial<AnalysisOptions> = {}): Promise<AnalysisResult> {
    return analyze({ source: 'SimpleSAMLphp to mellon (capture)', kind: 'capture', flow: login.flow }, defaultOptions(new Date(), {
      ...extra,
      trustedCertificates: trusted,
      spMetadata: parseSpMetadata(sp!.metadataXml),
      sp: { entityId: sp!.entityId, acsUrl: sp!.acsUrl },
      spPrivateKeys: [{ pem: spKeys.privateKeyPem, origin: 'mellon SP key' }],
    }));
  }

  for (const encrypted of [false, true]) {
    describe(encrypted ? 'assertion signed, then encrypted for the SP (AES-128-CBC, RSA-OAEP)' : 'Response and assertion signed', () => {
      let login: CapturedLogin;
      let result: AnalysisResult;
      let mellon: Map<string, string>;

      beforeAll(async () => {
        idp!.setAssertionEncryption(encrypted);
        ({ login, result, mellon } = await captureAndAnalyse());
      });

      const request = () => result.messages.find((m) => m.type === 'AuthnRequest');
      const response = () => result.messages.find((m) => m.type === 'Response');

      it('mellon let the user in and printed what it received', () => {
        expect(login.finalUrl).toBe(sp!.protectedUrl);
        expect(mellon.get('MELLON_NAME_ID')).toBe('alice@example.com');
        expect(mellon.get('MELLON_mail')).toBe('alice@example.com');
      });

      it('the capture holds mellon\'s AuthnRequest (HTTP-Redirect) and SimpleSAMLphp\'s Response (HTTP-POST), paired', () => {
        expect(result.messages.map((m) => `${m.type} ${m.binding}`)).toEqual(['AuthnRequest HTTP-Redirect', 'Response HTTP-POST']);
        expect(request()!.issuer).toBe(sp!.entityId);
        expect(request()!.request?.assertionConsumerServiceUrl).toBe(sp!.acsUrl);
        expect(response()!.inResponseTo).toBe(request()!.id);
        expect(response()!.issuer).toBe(idp!.entityId);
        expect(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.id}: ${f.message}`)).toEqual([]);
      });

      it('the Response and its Assertion are signed by the IdP certificate and verify', () => {
        expect(response()!.assertion?.encrypted ?? false).toBe(encrypted);
        expect(response()!.signature.status).toBe('valid');
        expect(response()!.signature.signedElements).toEqual(expect.arrayContaining(encrypted ? ['Assertion'] : ['Response', 'Assertion']));
        expect(response()!.findings.filter((f) => f.severity === 'error').map((f) => `${f.id}: ${f.message}`)).toEqual([]);
      });

      it('the NameID samlscope reads is the one mellon received', () => {
        expect(response()!.subject).toMatchObject({ nameId: mellon.get('MELLON_NAME_ID'), format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', verified: true });
      });

      it('every attribute samlscope reads has the values mellon received, and mellon received no other', () => {
        const fromSamlscope = Object.fromEntries(response()!.attributes.map((a) => [a.name, { values: a.values, verified: a.verified }]));
        const fromMellon: Record<string, { values: string[]; verified: boolean }> = {};
        for (const name of Object.keys(ALICE.attributes)) {
          const values: string[] = [];
          for (let i = 0; mellon.has(`MELLON_${name}_${i}`); i++) values.push(mellon.get(`MELLON_${name}_${i}`)!);
          fromMellon[name] = { values, verified: true };
        }
        expect(fromSamlscope).toEqual(fromMellon);
        expect(fromMellon.groups!.values).toEqual(ALICE.attributes.groups);
      });

      it('xmlsec1 verifies the captured Response signature by signature as samlscope does', () => {
        const responseFile = join(dir, `captured-response-${encrypted ? 'encrypted' : 'signed'}.xml`);
        const idpCertificate = join(dir, 'idp-certificate.pem');
        const spKey = join(dir, 'sp-key.pem');
        writeFileSync(responseFile, response()!.xml);
        writeFileSync(idpCertificate, idp!.certificatePem);
        writeFileSync(spKey, spKeys.privateKeyPem);
        const xmlsec = xmlsecOpinion(responseFile, idpCertificate, spKey);
        expect(xmlsec.valid, xmlsec.steps.join('; ')).toBe(true);
        expect(samlscopeSignatureVerdicts(response()), xmlsec.steps.join('; ')).toEqual(xmlsec.signatures);
      });

      it('with another certificate trusted instead of the IdP\'s, samlscope says not valid, as xmlsec1 does', async () => {
        const other = makeKeyPair({ commonName: '127.0.0.1', label: 'not-the-simplesamlphp-idp' });
        const wrong = await analyseCapture(login, [{ pem: other.certificatePem, source: 'idp-cert', origin: 'another certificate' }]);
        const wrongResponse = wrong.messages.find((m) => m.type === 'Response')!;
        const responseFile = join(dir, `captured-response-${encrypted ? 'encrypted' : 'signed'}.wrong-cert.xml`);
        const otherCertificate = join(dir, 'other-certificate.pem');
        const spKey = join(dir, 'sp-key.pem');
        writeFileSync(responseFile, wrongResponse.xml);
        writeFileSync(otherCertificate, other.certificatePem);
        writeFileSync(spKey, spKeys.privateKeyPem);
        const xmlsec = xmlsecOpinion(responseFile, otherCertificate, spKey);
        expect(wrongResponse.signature.status).not.toBe('valid');
        expect(wrongResponse.subject?.verified).toBe(false);
        expect(xmlsec.valid, xmlsec.steps.join('; ')).toBe(false);
        expect(samlscopeSignatureVerdicts(wrongResponse), xmlsec.steps.join('; ')).toEqual(xmlsec.signatures);
      });

      it('mellon signed its HTTP-Redirect AuthnRequest: openssl verifies the query octets with the SP certificate', () => {
        const redirect = login.flow.exchanges.find((e) => e.url.includes('SAMLRequest='));
        const signed = redirect && redirectSignatureOf(redirect.url);
        expect(signed?.sigAlg).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
        const verdict = opensslVerifies(signed!, spKeys.certificatePem, dir);
        expect(verdict.ok, verdict.output).toBe(true);
      });

      // The same signature, verified by samlscope against the SP certificate from the SP metadata.
      it('mellon\'s AuthnRequest query-string signature verifies with the SP certificate', () => {
        expect(request()!.signature.status).toBe('valid');
      });
    });
  }
});
