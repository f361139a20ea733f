/**
 * Runs every case of the shared conformance corpus through `analyze` with the case's trust anchor,
 * SP key and clock, and checks the upstream project's expectation (see the corpus README):
 * - valid: signature.status valid and the expected NameID;
 * - invalid: verdict fail, and any NameID shown is the full one.
 * Where the corpus is absent (it lives beside the repository, not in it) the suite says so and passes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, resultFails } from '../../src-main/core/analyze.js';
import { parsePemCertificates } from '../../src-main/core/metadata/pem.js';
import { defaultOptions } from '../../src-main/core/model/options.js';

const CORPUS = resolve(process.env.SAMLSCOPE_CORPUS ?? join(__dirname, '../../../shared/corpus'));
const MANIFEST = join(CORPUS, 'manifest.json');

interface CorpusCase {
  id: string;
  file: string;
  encoding: 'xml' | 'base64';
  idpCert: string;
  spKey?: string;
  now: string | null;
  expect: 'valid' | 'invalid';
  expectNameId: string | null;
  issuer: string | null;
  audience: string | null;
  note: string;
}

if (!existsSync(MANIFEST)) {
  describe('conformance corpus', () => {
    it.skip(`corpus not found at ${CORPUS}; nothing to check`, () => {});
  });
  console.log(`conformance: corpus not found at ${CORPUS}; skipping.`);
} else {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { cases: CorpusCase[] };
  describe('conformance corpus', () => {
    it.each(manifest.cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
      const content = readFileSync(join(CORPUS, c.file), 'utf8');
      const certText = readFileSync(join(CORPUS, c.idpCert), 'utf8');
      const options = defaultOptions(new Date(c.now ?? '2026-11-29T00:00:00Z'), {
        trustedCertificates: parsePemCertificates(certText).map((pem) => ({ pem, source: 'idp-cert' as const, origin: c.idpCert })),
        spPrivateKeys: c.spKey ? [{ pem: readFileSync(join(CORPUS, c.spKey), 'utf8'), origin: c.spKey }] : [],
        profile: 'generic',
      });
      if (c.issuer) options.idpMetadata = { entityId: c.issuer, signingCertificates: [], ssoServices: [], sloServices: [], nameIdFormats: [] };
      if (c.audience) options.sp.entityId = c.audience;
      const result = await analyze({ source: c.file, content }, options);
      const message = result.messages[0];
      const explain = JSON.stringify({ note: c.note, findings: [...result.findings, ...(message?.findings ?? [])].map((f) => `${f.id}: ${f.message}`), signatures: message?.signature.signatures.map((s) => s.problem) }, null, 1);
      if (c.expect === 'valid') {
        expect(message?.signature.status, explain).toBe('valid');
        if (c.expectNameId) expect(message?.subject?.nameId, explain).toBe(c.expectNameId);
        expect(message?.findings.filter((f) => f.id.startsWith('signature.') && f.severity === 'error'), explain).toEqual([]);
      } else {
        expect(resultFails(result), explain).toBe(true);
        if (message?.subject && c.expectNameId) expect(message.subject.nameId, explain).toBe(c.expectNameId);
      }
    });
  });
}
