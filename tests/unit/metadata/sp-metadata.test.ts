import { describe, expect, it } from 'vitest';
import { MetadataError, parseSpMetadata } from '../../../src-main/core/metadata/sp-metadata.js';
import { makeCertificateBody } from './cert-fixture.js';

const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const ACS = 'https://jira.example.com/plugins/servlet/samlconsumer';

function jiraMetadata(extra = '', acs = `<md:AssertionConsumerService Binding="${POST}" Location="${ACS}" index="0" isDefault="true"/>`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://jira.example.com">
  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    ${extra}
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>
    ${acs}
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;
}

describe('parseSpMetadata', () => {
  it('reads a Jira-like SP metadata document', () => {
    expect(parseSpMetadata(jiraMetadata())).toEqual({
      entityId: 'https://jira.example.com',
      assertionConsumerServices: [{ binding: POST, location: ACS, index: 0, isDefault: true }],
      nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'],
      authnRequestsSigned: false,
      wantAssertionsSigned: true,
      encryptionCertificates: [],
    });
  });

  it('reads several ACS endpoints and encryption certificates, not signing ones', () => {
    const enc = makeCertificateBody('07', 'jira.example.com');
    const sig = makeCertificateBody('08', 'jira.example.com');
    const keys = `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${sig}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
      <md:KeyDescriptor use="encryption"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${enc}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
    const acs = `<md:AssertionConsumerService Binding="${POST}" Location="${ACS}" index="1"/>
      <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="https://jira.example.com/artifact" index="2"/>`;
    const metadata = parseSpMetadata(jiraMetadata(keys, acs));
    expect(metadata.encryptionCertificates).toEqual([enc]);
    expect(metadata.assertionConsumerServices).toEqual([
      { binding: POST, location: ACS, index: 1 },
      { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact', location: 'https://jira.example.com/artifact', index: 2 },
    ]);
  });

  it('refuses SP metadata without an AssertionConsumerService', () => {
    expect(() => parseSpMetadata(jiraMetadata('', ''))).toThrow(/no AssertionConsumerService/);
  });

  it('refuses a non-numeric ACS index', () => {
    expect(() => parseSpMetadata(jiraMetadata('', `<md:AssertionConsumerService Binding="${POST}" Location="${ACS}" index="first"/>`))).toThrow(MetadataError);
  });

  it('refuses IdP metadata given as SP metadata', () => {
    const idp = '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>';
    expect(() => parseSpMetadata(idp)).toThrow(/no SPSSODescriptor/);
  });
});
