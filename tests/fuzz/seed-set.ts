/**
 * The documents the fuzzer mutates: the committed AWS-shaped signed seeds (tests/fuzz/seeds) and, where it
 * is present, the shared conformance corpus. Each seed carries the analysis options it is judged with.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePemCertificates } from '../../src-main/core/metadata/pem.js';
import { defaultOptions, type AnalysisOptions } from '../../src-main/core/model/options.js';

export interface SeedManifest {
  now: string;
  idpCert: string;
  spKey: string;
  seeds: { id: string; file: string }[];
}

export interface FuzzSeed {
  id: string;
  xml: string;
  /** Certificates the signatures must verify against (PEM); xmlsec1 uses the first. */
  trustedPems: string[];
  spKeyPems: string[];
  now: string;
  profile: AnalysisOptions['profile'];
}

// Paths are from the repository root: npm scripts and vitest both run there.
export const SEED_DIR = path.resolve('tests/fuzz/seeds');
export const DEFAULT_CORPUS = path.resolve(process.env.SAMLSCOPE_CORPUS ?? '../shared/corpus');

function awsSeeds(): FuzzSeed[] {
  const manifest: SeedManifest = JSON.parse(readFileSync(path.join(SEED_DIR, 'manifest.json'), 'utf8'));
  const idpCert = readFileSync(path.join(SEED_DIR, manifest.idpCert), 'utf8');
  const spKey = readFileSync(path.join(SEED_DIR, manifest.spKey), 'utf8');
  return manifest.seeds.map((seed) => ({
    id: `aws/${seed.id}`,
    xml: readFileSync(path.join(SEED_DIR, seed.file), 'utf8'),
    trustedPems: [idpCert],
    spKeyPems: [spKey],
    now: manifest.now,
    profile: 'auto',
  }));
}

interface CorpusCase { id: string; file: string; encoding: string; idpCert: string; spKey?: string; now: string | null }

function corpusSeeds(corpus: string): FuzzSeed[] {
  const manifestFile = path.join(corpus, 'manifest.json');
  if (!existsSync(manifestFile)) return [];
  const cases: CorpusCase[] = JSON.parse(readFileSync(manifestFile, 'utf8')).cases;
  return cases.filter((c) => c.encoding === 'xml').map((c) => ({
    id: `corpus/${c.id}`,
    xml: readFileSync(path.join(corpus, c.file), 'utf8'),
    trustedPems: parsePemCertificates(readFileSync(path.join(corpus, c.idpCert), 'utf8')),
    spKeyPems: c.spKey ? [readFileSync(path.join(corpus, c.spKey), 'utf8')] : [],
    now: c.now ?? '2026-11-29T00:00:00Z',
    profile: 'generic',
  }));
}

/** The seed list in a fixed order (AWS seeds first), so an index into it means the same seed every run. */
export function loadSeeds(corpus: string | null = DEFAULT_CORPUS): FuzzSeed[] {
  return [...awsSeeds(), ...(corpus ? corpusSeeds(corpus) : [])];
}

export function optionsFor(seed: FuzzSeed): AnalysisOptions {
  return defaultOptions(new Date(seed.now), {
    trustedCertificates: seed.trustedPems.map((pem) => ({ pem, source: 'idp-cert', origin: seed.id })),
    spPrivateKeys: seed.spKeyPems.map((pem) => ({ pem, origin: seed.id })),
    profile: seed.profile,
  });
}
