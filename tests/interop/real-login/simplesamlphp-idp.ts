/**
 * SimpleSAMLphp (Debian `simplesamlphp`) as a SAML IdP on 127.0.0.1, served by PHP's built-in web server
 * from the package's own www directory, with a configuration written to a temp dir at test time:
 * exampleauth:UserPass users, the e-mail NameID taken from the `mail` attribute, Response and Assertion
 * signed, and the SP's AuthnRequest signature checked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startProcess, waitForHttp, type Started } from './processes.js';

export const SIMPLESAMLPHP_WWW = '/usr/share/simplesamlphp/www';
export const SIMPLESAMLPHP_DEFAULT_CONFIG = '/etc/simplesamlphp/config.php';

export interface IdpUser {
  username: string;
  password: string;
  attributes: Record<string, string[]>;
}

export interface SpForIdp {
  entityId: string;
  acsUrl: string;
  /** The SP's signing certificate, base64 DER. */
  certificateBase64: string;
}

export interface SimpleSamlPhpIdp {
  baseUrl: string;
  entityId: string;
  /** The IdP metadata SimpleSAMLphp publishes itself. */
  metadataXml: string;
  certificatePem: string;
  /** Encrypt the assertions for the SP from the next login on (SimpleSAMLphp reads its metadata per request). */
  setAssertionEncryption: (on: boolean) => void;
  stop: () => Promise<void>;
  output: () => string;
}

const php = (value: unknown): string => JSON.stringify(value).replace(/\$/g, '\\$');

function configPhp(dir: string, baseUrl: string): string {
  // Debian's default configuration, with what a loopback test IdP needs on plain http.
  return `<?php
require ${php(SIMPLESAMLPHP_DEFAULT_CONFIG)};
$config = array_merge($config, [
  'baseurlpath' => ${php(`${baseUrl}/`)},
  'certdir' => ${php(`${dir}/cert/`)},
  'loggingdir' => ${php(`${dir}/log/`)},
  'datadir' => ${php(`${dir}/data/`)},
  'tempdir' => ${php(`${dir}/tmp`)},
  'cachedir' => ${php(`${dir}/cache`)},
  'logging.handler' => 'errorlog',
  'logging.level' => SimpleSAML\\Logger::WARNING,
  'secretsalt' => ${php(`salt-${Math.random().toString(36).slice(2)}`)},
  'auth.adminpassword' => ${php(Math.random().toString(36).slice(2))},
  'technicalcontact_email' => 'admin@example.test',
  'timezone' => 'UTC',
  'enable.saml20-idp' => true,
  'module.enable' => ['exampleauth' => true, 'core' => true, 'saml' => true],
  // Plain http on loopback: the session cookie cannot be Secure, and SameSite=None needs Secure.
  'session.cookie.secure' => false,
  'session.cookie.samesite' => 'Lax',
  'language.cookie.samesite' => 'Lax',
  'store.type' => 'phpsession',
  'metadata.sources' => [['type' => 'flatfile', 'directory' => ${php(`${dir}/metadata`)}]],
]);
`;
}

function authsourcesPhp(users: IdpUser[]): string {
  const entries = users.map((u) => `${php(`${u.username}:${u.password}`)} => ${phpArray(u.attributes)}`).join(',\n    ');
  return `<?php
$config = [
  'admin' => ['core:AdminPassword'],
  'example-userpass' => ['exampleauth:UserPass',
    ${entries}
  ],
];
`;
}

function phpArray(attributes: Record<string, string[]>): string {
  return `[${Object.entries(attributes).map(([k, v]) => `${php(k)} => [${v.map(php).join(', ')}]`).join(', ')}]`;
}

function idpHostedPhp(): string {
  return `<?php
$metadata['__DYNAMIC:1__'] = [
  'host' => '__DEFAULT__',
  'privatekey' => 'idp.key.pem',
  'certificate' => 'idp.crt.pem',
  'auth' => 'example-userpass',
  'NameIDFormat' => 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  'authproc' => [
    10 => ['class' => 'saml:AttributeNameID', 'attribute' => 'mail', 'Format' => 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
  ],
  'saml20.sign.response' => true,
  'saml20.sign.assertion' => true,
  'signature.algorithm' => 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'validate.authnrequest' => true,
];
`;
}

function spRemotePhp(sp: SpForIdp, encryptAssertions: boolean): string {
  return `<?php
$metadata[${php(sp.entityId)}] = [
  'AssertionConsumerService' => [['Binding' => 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', 'Location' => ${php(sp.acsUrl)}]],
  'NameIDFormat' => 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  'certData' => ${php(sp.certificateBase64)},
  'validate.authnrequest' => true,
  'attributes.NameFormat' => 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
  // With the SP's certificate (certData, also its encryption key): AES-128-CBC, RSA-OAEP key transport.
  'assertion.encryption' => ${encryptAssertions ? 'true' : 'false'},
];
`;
}

export async function startSimpleSamlPhp(opts: { dir: string; keyPem: string; certificatePem: string; users: IdpUser[]; sp: SpForIdp; port?: number }): Promise<SimpleSamlPhpIdp> {
  const { dir } = opts;
  for (const sub of ['config', 'metadata', 'cert', 'log', 'data', 'tmp', 'cache', 'sessions']) mkdirSync(join(dir, sub), { recursive: true });
  const port = opts.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  writeFileSync(join(dir, 'config', 'config.php'), configPhp(dir, baseUrl));
  writeFileSync(join(dir, 'config', 'authsources.php'), authsourcesPhp(opts.users));
  writeFileSync(join(dir, 'metadata', 'saml20-idp-hosted.php'), idpHostedPhp());
  const setAssertionEncryption = (on: boolean) => writeFileSync(join(dir, 'metadata', 'saml20-sp-remote.php'), spRemotePhp(opts.sp, on));
  setAssertionEncryption(false);
  writeFileSync(join(dir, 'cert', 'idp.key.pem'), opts.keyPem);
  writeFileSync(join(dir, 'cert', 'idp.crt.pem'), opts.certificatePem);

  // No opcache: it would serve the SP metadata file compiled before setAssertionEncryption rewrote it.
  const server: Started = startProcess('/usr/bin/php', ['-d', `session.save_path=${join(dir, 'sessions')}`, '-d', 'display_errors=stderr', '-d', 'opcache.enable=0', '-S', `127.0.0.1:${port}`, '-t', SIMPLESAMLPHP_WWW], {
    PATH: process.env.PATH,
    SIMPLESAMLPHP_CONFIG_DIR: join(dir, 'config'),
  });
  const metadataUrl = `${baseUrl}/saml2/idp/metadata.php`;
  await waitForHttp(metadataUrl, server, 'SimpleSAMLphp (php -S)');
  const response = await fetch(metadataUrl);
  const metadataXml = await response.text();
  if (!response.ok || !metadataXml.includes('EntityDescriptor')) {
    await server.stop();
    throw new Error(`SimpleSAMLphp did not publish IdP metadata (${response.status}): ${metadataXml.slice(0, 500)}\n${server.output()}`);
  }
  const entityId = /entityID="([^"]+)"/.exec(metadataXml)![1]!;
  return { baseUrl, entityId, metadataXml, certificatePem: opts.certificatePem, setAssertionEncryption, stop: server.stop, output: server.output };
}
