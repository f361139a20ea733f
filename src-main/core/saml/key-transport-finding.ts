import type { Element } from '@xmldom/xmldom';
import type { Finding } from '../model/finding.js';
import { makeFinding } from '../findings/make-finding.js';
import { nodePath } from '../xml/dom.js';
import { RSA_1_5 } from './key-transport.js';

/** The warning for an assertion whose key was wrapped with RSA PKCS#1 v1.5 (decrypted anyway, offline). */
export function obsoleteKeyTransportFinding(encryptedAssertion: Element): Finding {
  return makeFinding('assertion.obsolete-key-transport', {
    message:
      'The IdP wrapped the assertion\'s key with RSA PKCS#1 v1.5 (rsa-1_5). It is obsolete: it is open to padding-oracle attacks (Bleichenbacher), ' +
      'and Node.js refuses to decrypt it (CVE-2023-46809). samlscope decrypted it here, offline with the SP\'s own key, so the diagnosis can go on; ' +
      'the SP\'s own SAML library usually still accepts it, so logins may work today.',
    fix: {
      summary: 'Configure the IdP to encrypt for this SP with RSA-OAEP key transport (http://www.w3.org/2009/xmlenc11#rsa-oaep or http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p) and AES-GCM content encryption.',
      where: 'idp-configuration',
      field: 'Key transport (key encryption) algorithm',
      value: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
    },
    evidence: [{ location: `${nodePath(encryptedAssertion)}/EncryptedData/KeyInfo/EncryptedKey/EncryptionMethod`, value: RSA_1_5, expected: 'RSA-OAEP' }],
  });
}
