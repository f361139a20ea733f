/**
 * Lasso (Debian python3-lasso, the SAML library behind Apache mod_auth_mellon) as the IdP: every case of
 * the interop matrix, judged by samlscope and by xmlsec1.
 */
import { join } from 'node:path';
import { defineIdpSuite } from './support/idp-suite.js';
import { XMLSEC1_PACKAGE, pythonModule } from './support/system-packages.js';

defineIdpSuite({
  title: 'interop: Lasso IdP, judged by samlscope and xmlsec1',
  name: 'lasso',
  packages: [pythonModule('python3-lasso', 'lasso'), XMLSEC1_PACKAGE],
  script: join(import.meta.dirname, 'idp', 'lasso_idp.py'),
  entityId: 'https://idp.lasso.test/metadata',
  latin1Of: 'both-signed-sha256-email',
  knownFailures: {},
});
