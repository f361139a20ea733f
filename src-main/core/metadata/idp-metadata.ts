import type { IdpMetadata } from '../model/options.js';
import { endpointOf, findEntityWithRole, readBoolean, readCertificates, readEndpoints, readNameIdFormats } from './entity-descriptor.js';

export { MetadataError } from './metadata-error.js';

/**
 * Reads IdP metadata (AWS IAM Identity Center publishes one document per application) with the strict parser.
 * Throws XmlInputError for XML the strict parser refuses, MetadataError when the XML is not usable IdP metadata.
 */
export function parseIdpMetadata(xml: string): IdpMetadata {
  const what = 'IdP metadata';
  const { entityId, role } = findEntityWithRole(xml, what, 'IDPSSODescriptor');
  const metadata: IdpMetadata = {
    entityId,
    signingCertificates: readCertificates(role, 'signing', what),
    ssoServices: readEndpoints(role, 'SingleSignOnService', what).map(endpointOf),
    sloServices: readEndpoints(role, 'SingleLogoutService', what).map(endpointOf),
    nameIdFormats: readNameIdFormats(role),
  };
  const wantSigned = readBoolean(role, 'WantAuthnRequestsSigned');
  if (wantSigned !== undefined) metadata.wantAuthnRequestsSigned = wantSigned;
  return metadata;
}
