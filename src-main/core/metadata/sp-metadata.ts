import type { Element } from '@xmldom/xmldom';
import type { SpMetadata } from '../model/options.js';
import { attr, nodePath } from '../xml/dom.js';
import { endpointOf, findEntityWithRole, readBoolean, readCertificates, readEndpoints, readNameIdFormats } from './entity-descriptor.js';
import { MetadataError } from './metadata-error.js';

export { MetadataError } from './metadata-error.js';

type AcsEndpoint = SpMetadata['assertionConsumerServices'][number];

/**
 * Reads SP metadata (as Atlassian Data Center or a SAML plugin exports it) with the strict parser.
 * Throws XmlInputError for XML the strict parser refuses, MetadataError when the XML is not usable SP metadata.
 */
export function parseSpMetadata(xml: string): SpMetadata {
  const what = 'SP metadata';
  const { entityId, role } = findEntityWithRole(xml, what, 'SPSSODescriptor');
  const acs = readEndpoints(role, 'AssertionConsumerService', what).map((el) => acsEndpoint(el, what));
  if (acs.length === 0) throw new MetadataError(`${what}: the SPSSODescriptor at ${nodePath(role)} has no AssertionConsumerService element, so it does not say where responses go.`);
  const metadata: SpMetadata = {
    entityId,
    assertionConsumerServices: acs,
    nameIdFormats: readNameIdFormats(role),
    encryptionCertificates: readCertificates(role, 'encryption', what),
  };
  const signing = readCertificates(role, 'signing', what);
  if (signing.length > 0) metadata.signingCertificates = signing;
  const authnRequestsSigned = readBoolean(role, 'AuthnRequestsSigned');
  if (authnRequestsSigned !== undefined) metadata.authnRequestsSigned = authnRequestsSigned;
  const wantAssertionsSigned = readBoolean(role, 'WantAssertionsSigned');
  if (wantAssertionsSigned !== undefined) metadata.wantAssertionsSigned = wantAssertionsSigned;
  return metadata;
}

function acsEndpoint(el: Element, what: string): AcsEndpoint {
  const endpoint: AcsEndpoint = endpointOf(el);
  const index = attr(el, 'index')?.trim();
  if (index !== undefined) {
    if (!/^\d+$/.test(index)) throw new MetadataError(`${what}: the AssertionConsumerService at ${nodePath(el)} has index "${index}", which is not a non-negative number.`);
    endpoint.index = Number(index);
  }
  const isDefault = readBoolean(el, 'isDefault');
  if (isDefault !== undefined) endpoint.isDefault = isDefault;
  return endpoint;
}
