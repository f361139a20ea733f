/**
 * xmlsec1 (Debian `xmlsec1`, the reference C implementation of XML Signature and Encryption) as a second
 * opinion on the files samlscope verifies. IDs are registered only on Response and Assertion, as a SAML
 * relying party does.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { XMLSEC1 } from './system-packages.js';

const ID_ATTRIBUTES = ['--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:protocol:Response', '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion'];

/** XPath of the signature a Response carries itself, and of the one its (plaintext) Assertion carries. */
export const RESPONSE_SIGNATURE = "/*[local-name()='Response']/*[local-name()='Signature']";
export const ASSERTION_SIGNATURE = "/*[local-name()='Response']/*[local-name()='Assertion']/*[local-name()='Signature']";
/** Where xmlsec1 puts a decrypted assertion: in place of the EncryptedData, inside EncryptedAssertion. */
export const DECRYPTED_ASSERTION = "/*[local-name()='Response']/*[local-name()='EncryptedAssertion']/*[local-name()='Assertion']";

export interface XmlsecRun {
  ok: boolean;
  output: string;
}

function run(args: string[]): XmlsecRun {
  const result = spawnSync(XMLSEC1, args, { encoding: 'utf8', timeout: 30_000 });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** The line of xmlsec1's output that says why it failed (its certificate-store notes are not the reason). */
export function failureReason(output: string): string {
  const lines = output.split('\n').filter((l) => !/x509vfy\.c/.test(l));
  return lines.find((l) => /error=|FAIL|Error/.test(l)) ?? lines.at(-1) ?? '';
}

/** Verifies the signature at `signatureXPath` in `file` with the key of `certificatePath` (and nothing else). */
export function xmlsecVerify(file: string, certificatePath: string, signatureXPath: string): XmlsecRun {
  return run(['--verify', '--pubkey-cert-pem', certificatePath, ...ID_ATTRIBUTES, '--node-xpath', signatureXPath, file]);
}

/** Decrypts the (first) EncryptedData of `file` with the SP key into `outputPath`. */
export function xmlsecDecrypt(file: string, privateKeyPath: string, outputPath: string): XmlsecRun {
  return run(['--decrypt', '--privkey-pem', privateKeyPath, '--output', outputPath, file]);
}

const SESSION_KEYS: Record<string, string> = {
  'http://www.w3.org/2001/04/xmlenc#aes128-cbc': 'aes-128',
  'http://www.w3.org/2001/04/xmlenc#aes256-cbc': 'aes-256',
  'http://www.w3.org/2001/04/xmlenc#tripledes-cbc': 'des-192',
};

/**
 * Encrypts the element at `nodeXPath` of `file` for the holder of `certificatePath` (anyone can: the
 * SP's certificate is public), with `cipher` and RSA-OAEP key transport, into `outputPath`.
 */
export function xmlsecEncrypt(file: string, nodeXPath: string, certificatePath: string, cipher: string, outputPath: string): XmlsecRun {
  const sessionKey = SESSION_KEYS[cipher];
  if (!sessionKey) throw new Error(`no xmlsec1 session key for ${cipher}`);
  const template = `${outputPath}.template.xml`;
  writeFileSync(template, `<xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Type="http://www.w3.org/2001/04/xmlenc#Element">
<xenc:EncryptionMethod Algorithm="${cipher}"/>
<ds:KeyInfo><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/><xenc:CipherData><xenc:CipherValue/></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>
<xenc:CipherData><xenc:CipherValue/></xenc:CipherData>
</xenc:EncryptedData>`);
  return run(['--encrypt', '--pubkey-cert-pem', certificatePath, '--session-key', sessionKey, '--xml-data', file, '--node-xpath', nodeXPath, '--output', outputPath, template]);
}
