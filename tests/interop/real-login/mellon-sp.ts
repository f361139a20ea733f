/**
 * Apache httpd with mod_auth_mellon (Debian `apache2`, `libapache2-mod-auth-mellon`) as the SAML SP on
 * 127.0.0.1, unprivileged: its own ServerRoot, port, pid and logs in a temp dir, one process (`-X`).
 * `/secure/` needs a mellon login; its page prints, through server-side includes, every environment
 * variable mellon set for the request: exactly what the application behind mellon receives.
 */
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startProcess, waitForHttp, type Started } from './processes.js';

export const APACHE = '/usr/sbin/apache2';
export const APACHE_MODULES = '/usr/lib/apache2/modules';
export const MELLON_MODULE = join(APACHE_MODULES, 'mod_auth_mellon.so');

export interface MellonSp {
  baseUrl: string;
  entityId: string;
  acsUrl: string;
  /** The protected page; visiting it starts the login. */
  protectedUrl: string;
  metadataXml: string;
  stop: () => Promise<void>;
  output: () => string;
}

export interface MellonSpPlan {
  port: number;
  entityId: string;
  acsUrl: string;
  metadataXml: string;
}

const base64Body = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

/** The SP's names and metadata, known before anything starts (the IdP needs them first). */
export function planMellonSp(port: number, certificatePem: string): MellonSpPlan {
  const baseUrl = `http://127.0.0.1:${port}`;
  const entityId = `${baseUrl}/mellon/metadata`;
  const acsUrl = `${baseUrl}/mellon/postResponse`;
  const metadataXml = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">
  <md:SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${base64Body(certificatePem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${base64Body(certificatePem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${baseUrl}/mellon/logout"/>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${acsUrl}" index="0" isDefault="true"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>
`;
  return { port, entityId, acsUrl, metadataXml };
}

function httpdConf(dir: string, port: number): string {
  const load = (name: string, file: string) => `LoadModule ${name} ${join(APACHE_MODULES, file)}`;
  return `ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
# Ignored unless started as root; then httpd serves as nobody (it refuses to serve as root).
User #65534
Group #65534
LogLevel warn auth_mellon:info
${load('mpm_prefork_module', 'mod_mpm_prefork.so')}
${load('authn_core_module', 'mod_authn_core.so')}
${load('authz_core_module', 'mod_authz_core.so')}
${load('authz_user_module', 'mod_authz_user.so')}
${load('mime_module', 'mod_mime.so')}
${load('include_module', 'mod_include.so')}
${load('setenvif_module', 'mod_setenvif.so')}
${load('dir_module', 'mod_dir.so')}
${load('auth_mellon_module', 'mod_auth_mellon.so')}
DocumentRoot ${dir}/htdocs
TypesConfig /etc/mime.types
AddDefaultCharset utf-8
MellonCacheSize 100
MellonLockFile ${dir}/run/mellon.lock
# mellon's cookie test sets SameSite=None, which needs Secure; this SP runs on plain http.
SetEnvIf Request_URI "." MELLON_DISABLE_SAMESITE=1
<Location />
  MellonEnable info
  MellonSPPrivateKeyFile ${dir}/sp.key.pem
  MellonSPCertFile ${dir}/sp.crt.pem
  MellonSPMetadataFile ${dir}/sp-metadata.xml
  MellonIdPMetadataFile ${dir}/idp-metadata.xml
  MellonEndpointPath /mellon
  MellonSecureCookie Off
  MellonSignatureMethod rsa-sha256
</Location>
<Directory ${dir}/htdocs/secure>
  Options +Includes
  AddOutputFilter INCLUDES .shtml
  DirectoryIndex index.shtml
</Directory>
<Location /secure>
  AuthType Mellon
  MellonEnable auth
  Require valid-user
</Location>
`;
}

/**
 * Started as root (as in some CI containers), httpd switches to nobody before it reads mellon's files:
 * the throwaway test keys and metadata made at test time must then be readable by it.
 */
function letNobodyRead(dir: string): void {
  if (process.getuid?.() !== 0) return;
  // The temp dirs above it (mkdtemp makes them 0700) must let httpd through.
  for (let parent = dirname(dir); parent.startsWith(`${tmpdir()}/`); parent = dirname(parent)) chmodSync(parent, statSync(parent).mode | 0o711);
  const walk = (path: string): void => {
    const isDir = statSync(path).isDirectory();
    chmodSync(path, isDir ? 0o755 : 0o644);
    if (isDir) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  chmodSync(join(dir, 'run'), 0o777);
}

export async function startMellonSp(opts: { dir: string; plan: MellonSpPlan; keyPem: string; certificatePem: string; idpMetadataXml: string }): Promise<MellonSp> {
  const { dir, plan } = opts;
  mkdirSync(join(dir, 'htdocs', 'secure'), { recursive: true });
  writeFileSync(join(dir, 'sp.key.pem'), opts.keyPem);
  writeFileSync(join(dir, 'sp.crt.pem'), opts.certificatePem);
  writeFileSync(join(dir, 'sp-metadata.xml'), plan.metadataXml);
  writeFileSync(join(dir, 'idp-metadata.xml'), opts.idpMetadataXml);
  writeFileSync(join(dir, 'htdocs', 'secure', 'index.shtml'), '<html><head><meta charset="utf-8"></head><body><h1>Mellon environment</h1><pre id="env"><!--#printenv --></pre></body></html>\n');
  writeFileSync(join(dir, 'httpd.conf'), httpdConf(dir, plan.port));
  mkdirSync(join(dir, 'run'), { recursive: true });
  letNobodyRead(dir);
  const baseUrl = `http://127.0.0.1:${plan.port}`;
  const server: Started = startProcess(APACHE, ['-d', dir, '-f', join(dir, 'httpd.conf'), '-X'], { PATH: process.env.PATH, LANG: 'C' });
  await waitForHttp(`${baseUrl}/mellon/metadata`, server, 'Apache httpd with mod_auth_mellon');
  return {
    baseUrl,
    entityId: plan.entityId,
    acsUrl: plan.acsUrl,
    protectedUrl: `${baseUrl}/secure/`,
    metadataXml: plan.metadataXml,
    stop: server.stop,
    output: () => `${server.output()}`,
  };
}

/** MELLON_* variables as the protected page printed them (SSI printenv: `NAME=value` per line, HTML-escaped). */
export function mellonVariables(pageText: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of pageText.split('\n')) {
    const match = /^(MELLON_[A-Za-z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) vars.set(match[1]!, match[2]!);
  }
  return vars;
}
