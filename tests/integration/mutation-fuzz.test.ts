/**
 * Property test of the engine's central promise: however a signed response is mutated, analyze() never
 * throws, and whenever it still says "valid", the identity data it reports is exactly what the IdP signed.
 * Mutations are random but seeded, so a failure reproduces.
 */
import { DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src-main/core/analyze.js';
import { defaultOptions } from '../../src-main/core/model/options.js';
import { signedAwsResponse } from '../fixtures/aws-response.js';
import { IDP_KEY } from '../fixtures/keys.js';

const NOW = new Date('2026-11-29T10:01:00Z');
const ITERATIONS = 300;

/** mulberry32: a tiny seeded PRNG, enough to make mutations reproducible. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function elements(node: Node, out: Element[] = []): Element[] {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) {
      out.push(c as Element);
      elements(c, out);
    }
  }
  return out;
}

type Mutation = (doc: ReturnType<DOMParser['parseFromString']>, pick: <T>(list: T[]) => T, rnd: () => number) => string;

const MUTATIONS: Record<string, Mutation> = {
  'change a text value': (doc, pick) => {
    const withText = elements(doc).filter((e) => e.firstChild?.nodeType === 3 && (e.textContent ?? '').trim());
    const el = pick(withText);
    el.firstChild!.nodeValue = `${el.firstChild!.nodeValue}x`;
    return 'text';
  },
  'change an attribute': (doc, pick) => {
    const el = pick(elements(doc).filter((e) => e.attributes.length > 0));
    const attr = el.attributes.item(Math.floor(el.attributes.length / 2))!;
    if (!attr.name.startsWith('xmlns')) attr.value = `${attr.value}1`;
    return 'attribute';
  },
  'remove an element': (doc, pick) => {
    const el = pick(elements(doc).slice(1));
    el.parentNode!.removeChild(el);
    return 'remove';
  },
  'duplicate an element beside itself': (doc, pick) => {
    const el = pick(elements(doc).slice(1));
    el.parentNode!.insertBefore(el.cloneNode(true), el);
    return 'duplicate';
  },
  'move an element elsewhere': (doc, pick) => {
    const all = elements(doc).slice(1);
    const el = pick(all);
    const target = pick(all.filter((t) => t !== el));
    let inside = false;
    for (let n: Node | null = target; n; n = n.parentNode) if (n === el) inside = true;
    if (!inside) target.appendChild(el);
    return 'move';
  },
  'insert a comment into a value': (doc, pick) => {
    const withText = elements(doc).filter((e) => e.firstChild?.nodeType === 3 && (e.textContent ?? '').trim().length > 3);
    const el = pick(withText);
    const text = el.firstChild!.nodeValue!;
    el.replaceChild(doc.createTextNode(text.slice(0, 3)), el.firstChild!);
    el.appendChild(doc.createComment('x'));
    el.appendChild(doc.createTextNode(text.slice(3)));
    return 'comment';
  },
};

describe('mutated signed responses', () => {
  it(`never throw and never report altered identity data as valid (${ITERATIONS} seeded mutations)`, async () => {
    const original = signedAwsResponse();
    const options = defaultOptions(NOW, { trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'test' }] });
    const baseline = (await analyze({ source: 'original', content: original }, options)).messages[0]!;
    expect(baseline.signature.status).toBe('valid');
    const names = Object.keys(MUTATIONS);
    const rnd = prng(20261129);
    const pick = <T,>(list: T[]): T => list[Math.floor(rnd() * list.length)]!;
    let stillValid = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const doc = new DOMParser().parseFromString(original, 'text/xml');
      const name = pick(names);
      MUTATIONS[name]!(doc, pick, rnd);
      const mutated = new XMLSerializer().serializeToString(doc);
      const result = await analyze({ source: `mutation ${i}: ${name}`, content: mutated }, options);
      const m = result.messages[0];
      if (m?.signature.status !== 'valid') continue;
      stillValid++;
      // A mutation outside the signed content (e.g. inside KeyInfo) may leave the signature valid: then every
      // verified value must still be the signed one.
      const context = `iteration ${i} (${name})`;
      expect(m.subject?.nameId, context).toBe(baseline.subject?.nameId);
      expect(m.attributes, context).toEqual(baseline.attributes);
      expect(m.issuer, context).toBe(baseline.issuer);
      expect(m.conditions, context).toEqual(baseline.conditions);
    }
    // The test is only meaningful if most mutations were caught.
    expect(stillValid).toBeLessThan(ITERATIONS / 2);
  });
});
