/**
 * One interop suite per IdP implementation: the IdP makes every case at test time; samlscope (its CLI,
 * trusting only the IdP certificate) and xmlsec1 judge each file; they must agree with each other and
 * with what the file is (genuine, tampered, signed by an impostor). Known samlscope bugs are listed by
 * case with the reason; those cases run as `it.fails`, so fixing the bug makes them fail until the
 * entry is removed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IMPOSTOR_CASES, STANDARD_CASES, USER_EMAIL, readText, reencodeLatin1, runPythonIdp, tamperPlaintext, tamperResponseEnvelope, writeKeys, type IdpCase, type InteropKeys } from './idp-cases.js';
import { DECRYPTED_ASSERTION, failureReason, xmlsecDecrypt, xmlsecEncrypt } from './xmlsec1.js';
import { describeSamlscope, samlscopeAnalyze, samlscopeSignatureVerdicts } from './samlscope-cli.js';
import { xmlsecOpinion } from './second-opinion.js';
import { describeWithPackages, type SystemPackage } from './system-packages.js';

export const SP_ENTITY_ID = 'https://sp.example.test/metadata';
export const ACS_URL = 'http://127.0.0.1:8443/acs';

/** A file to judge, made from one IdP case. */
interface JudgedFile {
  label: string;
  /** Which case it came from (genuine files also check the identity samlscope read). */
  source: IdpCase;
  genuine: boolean;
  make: (generated: Map<string, string>, dir: string, keys: InteropKeys) => string;
}

/**
 * A copy whose signed content says mallory instead of alice. An encrypted assertion is decrypted, changed
 * and encrypted again for the SP with the same cipher, as an attacker holding the SP's public
 * certificate can.
 */
function tamperedCopy(source: string, out: string, keys: InteropKeys): string {
  const xml = readText(source);
  if (!xml.includes('EncryptedAssertion')) {
    writeFileSync(out, tamperPlaintext(xml));
    return out;
  }
  const cipher = /<(?:[\w-]+:)?EncryptedData\b[^>]*>\s*<(?:[\w-]+:)?EncryptionMethod\s+Algorithm="([^"]+)"/.exec(xml)?.[1];
  if (!cipher) throw new Error(`${source}: no EncryptedData cipher found`);
  const decrypted = xmlsecDecrypt(source, keys.spKey, `${out}.decrypted.xml`);
  if (!decrypted.ok) throw new Error(`xmlsec1 could not decrypt ${source}: ${failureReason(decrypted.output)}`);
  writeFileSync(`${out}.changed.xml`, tamperPlaintext(readText(`${out}.decrypted.xml`)));
  const encrypted = xmlsecEncrypt(`${out}.changed.xml`, DECRYPTED_ASSERTION, keys.spCert, cipher, out);
  if (!encrypted.ok) throw new Error(`xmlsec1 could not encrypt ${out}: ${failureReason(encrypted.output)}`);
  return out;
}

export interface IdpSuite {
  title: string;
  /** Short name, for temp dirs and key labels. */
  name: string;
  packages: SystemPackage[];
  /** The Python script that implements the IdP (reads the job on stdin). */
  script: string;
  entityId: string;
  /** Extra cases only this IdP makes (e.g. another canonicalisation). */
  extraCases?: IdpCase[];
  /** File label → the samlscope bug that makes samlscope and xmlsec1 disagree on it today. */
  knownFailures: Record<string, string>;
  /** Also judge a copy re-encoded as ISO-8859-1. */
  latin1Of?: string;
}

function filesOf(suite: IdpSuite): JudgedFile[] {
  const generatedFile = (name: string) => (generated: Map<string, string>) => {
    const file = generated.get(name);
    if (!file) throw new Error(`the IdP made no file for ${name}`);
    return file;
  };
  const files: JudgedFile[] = [];
  for (const c of [...STANDARD_CASES, ...(suite.extraCases ?? [])]) {
    files.push({ label: `genuine ${c.name}`, source: c, genuine: true, make: generatedFile(c.name) });
    files.push({
      label: `tampered ${c.name}`,
      source: c,
      genuine: false,
      make: (generated, dir, keys) => tamperedCopy(generatedFile(c.name)(generated), join(dir, `${c.name}.tampered.xml`), keys),
    });
  }
  // Only the Response's own signature breaks; an Assertion signature beside it still verifies.
  for (const c of [...STANDARD_CASES, ...(suite.extraCases ?? [])].filter((c) => c.signResponse)) {
    files.push({
      label: `tampered envelope ${c.name}`,
      source: c,
      genuine: false,
      make: (generated, dir) => {
        const out = join(dir, `${c.name}.envelope.xml`);
        writeFileSync(out, tamperResponseEnvelope(readText(generatedFile(c.name)(generated))));
        return out;
      },
    });
  }
  for (const c of IMPOSTOR_CASES) files.push({ label: `wrong certificate ${c.name}`, source: c, genuine: false, make: generatedFile(c.name) });
  const latin1 = suite.latin1Of && STANDARD_CASES.find((c) => c.name === suite.latin1Of);
  if (latin1) {
    files.push({
      label: `genuine ${latin1.name} re-encoded as ISO-8859-1`,
      source: latin1,
      genuine: true,
      make: (generated, dir) => {
        const out = join(dir, `${latin1.name}.latin1.xml`);
        writeFileSync(out, reencodeLatin1(readText(generatedFile(latin1.name)(generated))));
        return out;
      },
    });
  }
  return files;
}

export function defineIdpSuite(suite: IdpSuite): void {
  describeWithPackages(suite.title, suite.packages, () => {
    let dir: string;
    let keys: InteropKeys;
    let generated: Map<string, string>;

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), `samlscope-interop-${suite.name}-`));
      keys = writeKeys(dir, suite.name);
      const cases = [...STANDARD_CASES, ...(suite.extraCases ?? []), ...IMPOSTOR_CASES];
      generated = runPythonIdp(suite.script, { dir, entityId: suite.entityId, spEntityId: SP_ENTITY_ID, acsUrl: ACS_URL, keys, cases });
    });
    afterAll(() => {
      if (dir && !process.env.SAMLSCOPE_KEEP_INTEROP) rmSync(dir, { recursive: true, force: true });
    });

    const unknownKnown = Object.keys(suite.knownFailures).filter((label) => !filesOf(suite).some((f) => f.label === label));
    if (unknownKnown.length > 0) throw new Error(`knownFailures name no case: ${unknownKnown.join(', ')}`);

    for (const file of filesOf(suite)) {
      const known = suite.knownFailures[file.label];
      const test = known ? it.fails : it;
      const title = `${file.label}: samlscope and xmlsec1 both say ${file.genuine ? 'valid' : 'not valid'}${known ? ` (known samlscope bug: ${known})` : ''}`;
      test(title, async () => {
        const path = file.make(generated, dir, keys);
        const { result } = await samlscopeAnalyze(path, { idpCertificate: keys.idpCert, spKey: keys.spKey, spEntityId: SP_ENTITY_ID, acsUrl: ACS_URL });
        const xmlsec = xmlsecOpinion(path, keys.idpCert, keys.spKey);
        const message = result.messages[0];
        const detail = `${path}\n  samlscope: ${describeSamlscope(result)}\n  xmlsec1: ${xmlsec.steps.join('; ')}`;
        // Signature by signature first (did the cryptography verify with the IdP certificate?), then the verdict.
        expect(samlscopeSignatureVerdicts(message), detail).toEqual(xmlsec.signatures);
        const verdicts = { samlscope: message?.signature.status === 'valid', xmlsec1: xmlsec.valid };
        expect(verdicts, detail).toEqual({ samlscope: file.genuine, xmlsec1: file.genuine });
        if (!file.genuine) return;
        // What samlscope reads as verified must be what the IdP was told to send.
        expect(message!.subject, detail).toMatchObject({ nameId: file.source.nameId, format: file.source.nameIdFormat, verified: true });
        expect(message!.attributes.find((a) => a.name === 'mail' || a.friendlyName === 'mail'), detail).toMatchObject({ values: [USER_EMAIL], verified: true });
        expect(message!.assertion?.encrypted ?? false, detail).toBe(file.source.encrypt !== null);
      });
    }
  });
}
