import { beforeAll, describe, expect, it } from 'vitest';
import { MetadataError, parseIdpMetadata } from '../../../src-main/core/metadata/idp-metadata.js';
import { XmlInputError } from '../../../src-main/core/xml/strict-parse.js';
import { makeCertificateBody } from './cert-fixture.js';

const ENCODED_ID = Buffer.from('123456789012_ins-0123456789abcdef').toString('base64');
const ENTITY_ID = `https://portal.sso.eu-west-1.amazonaws.com/saml/assertion/${ENCODED_ID}`;
const LOGOUT = `https://portal.sso.eu-west-1.amazonaws.com/saml/logout/${ENCODED_ID}`;
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

let cert1: string;
let cert2: string;
beforeAll(() => {
  cert1 = makeCertificateBody('9467ff5a');
  cert2 = makeCertificateBody('83a22aa2');
});

/** AWS IAM Identity Center's metadata shape (aws.md §1), certificate wrapped as AWS does not but others do. */
function awsMetadata(opts: { certs?: string[]; nameIdFormat?: string; wrapper?: (entity: string) => string } = {}): string {
  const certs = opts.certs ?? [cert1];
  const keyDescriptors = certs
    .map((c) => `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${c.replace(/.{1,64}/g, '$&\n')}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`)
    .join('\n    ');
  const nameIdFormat = opts.nameIdFormat ?? `<md:NameIDFormat>${EMAIL}</md:NameIDFormat>`;
  const entity = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${ENTITY_ID}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    ${keyDescriptors}
    <md:SingleLogoutService Binding="${POST}" Location="${LOGOUT}"/>
    <md:SingleLogoutService Binding="${REDIRECT}" Location="${LOGOUT}"/>
    ${nameIdFormat}
    <md:SingleSignOnService Binding="${POST}" Location="${ENTITY_ID}"/>
    <md:SingleSignOnService Binding="${REDIRECT}" Location="${ENTITY_ID}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
  return `<?xml version="1.0" encoding="UTF-8"?>${opts.wrapper ? opts.wrapper(entity) : entity}`;
}

function metadataError(xml: string): MetadataError {
  try {
    parseIdpMetadata(xml);
  } catch (err) {
    expect(err).toBeInstanceOf(MetadataError);
    expect((err as MetadataError).findingId).toBe('metadata.invalid');
    return err as MetadataError;
  }
  throw new Error('metadata was accepted');
}

describe('parseIdpMetadata', () => {
  it('reads AWS IAM Identity Center metadata', () => {
    expect(parseIdpMetadata(awsMetadata())).toEqual({
      entityId: ENTITY_ID,
      signingCertificates: [cert1],
      ssoServices: [
        { binding: POST, location: ENTITY_ID },
        { binding: REDIRECT, location: ENTITY_ID },
      ],
      sloServices: [
        { binding: POST, location: LOGOUT },
        { binding: REDIRECT, location: LOGOUT },
      ],
      nameIdFormats: [EMAIL],
      wantAuthnRequestsSigned: false,
    });
  });

  it('ignores an empty NameIDFormat (AWS before the subject format is set)', () => {
    expect(parseIdpMetadata(awsMetadata({ nameIdFormat: '<md:NameIDFormat/>' })).nameIdFormats).toEqual([]);
  });

  it('keeps every signing certificate in order (rotation) and skips encryption-only ones', () => {
    const xml = awsMetadata({ certs: [cert1, cert2] }).replace(
      '<md:SingleLogoutService',
      `<md:KeyDescriptor use="encryption"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${makeCertificateBody('05')}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:SingleLogoutService`,
    );
    expect(parseIdpMetadata(xml).signingCertificates).toEqual([cert1, cert2]);
  });

  it('treats a KeyDescriptor without use as a signing key', () => {
    const xml = awsMetadata().replace('<md:KeyDescriptor use="signing">', '<md:KeyDescriptor>');
    expect(parseIdpMetadata(xml).signingCertificates).toEqual([cert1]);
  });

  it('accepts an EntitiesDescriptor holding one EntityDescriptor', () => {
    const xml = awsMetadata({ wrapper: (e) => `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" Name="x">${e}</md:EntitiesDescriptor>` });
    expect(parseIdpMetadata(xml).entityId).toBe(ENTITY_ID);
  });

  it('refuses an EntitiesDescriptor with two identity providers, naming them', () => {
    const other = awsMetadata().replace('<?xml version="1.0" encoding="UTF-8"?>', '').replace(ENTITY_ID, 'https://other.example.com/idp');
    const xml = awsMetadata({ wrapper: (e) => `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${e}${other}</md:EntitiesDescriptor>` });
    const err = metadataError(xml);
    expect(err.message).toContain('2 entities');
    expect(err.message).toContain('https://other.example.com/idp');
  });

  it('refuses a document that is not metadata, naming the root element', () => {
    const err = metadataError('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>');
    expect(err.message).toContain('EntityDescriptor');
    expect(err.message).toContain('<Response>');
  });

  it('refuses SP metadata given as IdP metadata', () => {
    const xml = '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://jira.example.com"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>';
    expect(metadataError(xml).message).toContain('no IDPSSODescriptor');
  });

  it('refuses a missing entityID', () => {
    expect(metadataError(awsMetadata().replace(`entityID="${ENTITY_ID}"`, '')).message).toContain('no entityID');
  });

  it('refuses an endpoint without Location', () => {
    const err = metadataError(awsMetadata().replace(`<md:SingleSignOnService Binding="${POST}" Location="${ENTITY_ID}"/>`, `<md:SingleSignOnService Binding="${POST}"/>`));
    expect(err.message).toContain('SingleSignOnService');
    expect(err.message).toContain('Location');
  });

  it('refuses a certificate that is not a certificate, naming where it is', () => {
    const err = metadataError(awsMetadata({ certs: ['QUJDRA=='] }));
    expect(err.message).toContain('/EntityDescriptor/IDPSSODescriptor/KeyDescriptor/KeyInfo/X509Data/X509Certificate');
    expect(err.message).toContain('not a readable X.509 certificate');
  });

  it('refuses a truncated certificate body', () => {
    expect(metadataError(awsMetadata({ certs: [cert1.slice(0, 101)] })).message).toContain('not valid base64');
  });

  it('is parsed with the strict parser (DOCTYPE refused)', () => {
    expect(() => parseIdpMetadata(`<!DOCTYPE x [<!ENTITY e "x">]>${awsMetadata().replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`)).toThrow(XmlInputError);
    try {
      parseIdpMetadata('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">\n<a></md:EntityDescriptor>');
      expect.unreachable();
    } catch (err) {
      expect((err as XmlInputError).findingId).toBe('xml.malformed');
      expect((err as Error).message).toMatch(/^line 2, column \d+: IdP metadata: is not well-formed XML/);
    }
  });
});
