import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificatePemFromBase64, parsePemCertificates, PemError } from '../../../src-main/core/metadata/pem.js';
import { makeCertificateBody } from './cert-fixture.js';

let body1: string;
let body2: string;
beforeAll(() => {
  body1 = makeCertificateBody('01');
  body2 = makeCertificateBody('02');
});

describe('certificatePemFromBase64', () => {
  it('wraps at 64 characters and produces a certificate node can read', () => {
    const pem = certificatePemFromBase64(`  ${body1.slice(0, 30)}\n${body1.slice(30)}  `);
    const lines = pem.trim().split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----');
    expect(lines.slice(1, -2).every((l) => l.length === 64)).toBe(true);
    expect(lines.slice(1, -1).join('')).toBe(body1);
    expect(new X509Certificate(pem).serialNumber).toBe('01');
  });
});

describe('parsePemCertificates', () => {
  it('accepts several PEM blocks with text around them', () => {
    const text = `subject=CN=amazonaws.com\n${certificatePemFromBase64(body1)}\nsome note\r\n${certificatePemFromBase64(body2).replace(/\n/g, '\r\n')}`;
    const pems = parsePemCertificates(text);
    expect(pems).toHaveLength(2);
    expect(pems.map((p) => new X509Certificate(p).serialNumber)).toEqual(['01', '02']);
  });

  it('accepts a bare base64 body', () => {
    expect(parsePemCertificates(`\n${body1}\n`)).toEqual([certificatePemFromBase64(body1)]);
  });

  it('refuses a private key, saying what it found', () => {
    expect(() => parsePemCertificates('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toThrow(/found -----BEGIN PRIVATE KEY-----/);
  });

  it('refuses text without a certificate', () => {
    expect(() => parsePemCertificates('not a certificate')).toThrow(PemError);
  });

  it('refuses a block whose body is not base64', () => {
    expect(() => parsePemCertificates('-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----')).toThrow(/block 1/);
  });
});
