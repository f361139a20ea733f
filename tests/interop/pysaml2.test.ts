/**
 * pysaml2 (Debian python3-pysaml2, signing and encrypting through xmlsec1) as the IdP: every case of the
 * interop matrix, judged by samlscope and by xmlsec1.
 */
import { join } from 'node:path';
import { defineIdpSuite } from './support/idp-suite.js';
import { XMLSEC1_PACKAGE, pythonModule } from './support/system-packages.js';
import { PERSISTENT_FORMAT, type IdpCase } from './support/idp-cases.js';

const C14N_11_CASE: IdpCase = {
  name: 'c14n11-both-signed-sha256-persistent',
  signResponse: true,
  signAssertion: true,
  encrypt: null,
  hash: 'sha256',
  nameIdFormat: PERSISTENT_FORMAT,
  nameId: 'b81e0c2d-77aa-4c1e-8d2b-5f0e9a3c4d21',
  email: 'alice@example.com',
  key: 'idp',
  c14n: '1.1',
};

defineIdpSuite({
  title: 'interop: pysaml2 IdP, judged by samlscope and xmlsec1',
  name: 'pysaml2',
  packages: [pythonModule('python3-pysaml2', 'saml2'), XMLSEC1_PACKAGE],
  script: join(import.meta.dirname, 'idp', 'pysaml2_idp.py'),
  entityId: 'https://idp.pysaml2.test/metadata',
  extraCases: [C14N_11_CASE],
  latin1Of: 'both-signed-sha256-email',
  knownFailures: {},
});
