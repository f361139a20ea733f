/** Shared reading of SAML 2.0 metadata: locating the EntityDescriptor and reading its common parts. */
import { X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import type { Endpoint } from '../model/options.js';
import { attr, childElements, elementText, NS, nodePath } from '../xml/dom.js';
import { parseStrictXml } from '../xml/strict-parse.js';
import { MetadataError } from './metadata-error.js';

/**
 * Parses metadata strictly and returns the EntityDescriptor that has a `roleName` descriptor
 * (IDPSSODescriptor or SPSSODescriptor). An EntitiesDescriptor is accepted when exactly one of its
 * entities has that role, so a single-entity aggregate works and an ambiguous one is refused.
 */
export function findEntityWithRole(xml: string, what: string, roleName: string): { entity: Element; entityId: string; role: Element } {
  const doc = parseStrictXml(xml, what);
  const root = doc.documentElement;
  if (!root) throw new MetadataError(`${what} has no root element.`);

  let entities: Element[];
  if (root.namespaceURI === NS.MD && root.localName === 'EntityDescriptor') {
    entities = [root];
  } else if (root.namespaceURI === NS.MD && root.localName === 'EntitiesDescriptor') {
    entities = descendantEntities(root);
    if (entities.length === 0) throw new MetadataError(`${what} is an EntitiesDescriptor with no EntityDescriptor inside it.`);
  } else {
    const ns = root.namespaceURI ? ` in namespace ${root.namespaceURI}` : ' without a namespace';
    throw new MetadataError(`${what} must have an EntityDescriptor (namespace ${NS.MD}) as its root element, but the root is <${root.localName ?? root.nodeName}>${ns}.`);
  }

  const withRole = entities.filter((e) => childElements(e, NS.MD, roleName).length > 0);
  if (withRole.length === 0) {
    const id = entities.length === 1 ? ` (entityID ${attr(entities[0]!, 'entityID') ?? 'missing'})` : '';
    throw new MetadataError(`${what} has no ${roleName} element in its EntityDescriptor${id}; it does not describe ${roleName === 'IDPSSODescriptor' ? 'an identity provider' : 'a service provider'}.`);
  }
  if (withRole.length > 1) {
    const ids = withRole.map((e) => attr(e, 'entityID') ?? '(no entityID)').join(', ');
    throw new MetadataError(`${what} contains ${withRole.length} entities with an ${roleName} (${ids}); provide the metadata of exactly one.`);
  }
  const entity = withRole[0]!;
  const entityId = attr(entity, 'entityID')?.trim();
  if (!entityId) throw new MetadataError(`${what}: the EntityDescriptor at ${nodePath(entity)} has no entityID attribute.`);

  const roles = childElements(entity, NS.MD, roleName);
  // Prefer the descriptor that declares SAML 2.0 support; fall back to the first one.
  const role = roles.find((r) => (attr(r, 'protocolSupportEnumeration') ?? '').split(/\s+/).includes(NS.SAMLP)) ?? roles[0]!;
  return { entity, entityId, role };
}

function descendantEntities(root: Element): Element[] {
  const out: Element[] = [];
  for (const child of childElements(root, NS.MD)) {
    if (child.localName === 'EntityDescriptor') out.push(child);
    else if (child.localName === 'EntitiesDescriptor') out.push(...descendantEntities(child));
  }
  return out;
}

/** Endpoints named `localName` under `role`; each must have Binding and Location. */
export function readEndpoints(role: Element, localName: string, what: string): Element[] {
  const elements = childElements(role, NS.MD, localName);
  for (const el of elements) {
    for (const name of ['Binding', 'Location']) {
      if (!attr(el, name)?.trim()) throw new MetadataError(`${what}: the ${localName} at ${nodePath(el)} has no ${name} attribute.`);
    }
  }
  return elements;
}

export function endpointOf(el: Element): Endpoint {
  return { binding: attr(el, 'Binding')!.trim(), location: attr(el, 'Location')!.trim() };
}

/** Non-empty NameIDFormat values (AWS publishes an empty `<md:NameIDFormat/>` before the subject format is set). */
export function readNameIdFormats(role: Element): string[] {
  return childElements(role, NS.MD, 'NameIDFormat')
    .map((el) => elementText(el).trim())
    .filter((v) => v !== '');
}

/** XML Schema boolean: `true`/`1`, `false`/`0`; anything else (or absent) is undefined. */
export function readBoolean(el: Element, name: string): boolean | undefined {
  const value = attr(el, name)?.trim();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

/**
 * Base64 DER bodies of the certificates in KeyDescriptors whose `use` is `use` or unspecified (unspecified
 * means both signing and encryption), in document order without duplicates. Each must be a readable X.509
 * certificate: a broken certificate in metadata is a configuration error worth stopping on.
 */
export function readCertificates(role: Element, use: 'signing' | 'encryption', what: string): string[] {
  const bodies: string[] = [];
  for (const descriptor of childElements(role, NS.MD, 'KeyDescriptor')) {
    const declared = attr(descriptor, 'use')?.trim();
    if (declared && declared !== use) continue;
    for (const keyInfo of childElements(descriptor, NS.DS, 'KeyInfo')) {
      for (const data of childElements(keyInfo, NS.DS, 'X509Data')) {
        for (const certEl of childElements(data, NS.DS, 'X509Certificate')) {
          const body = elementText(certEl).replace(/\s+/g, '');
          assertCertificate(body, `${what}: the X509Certificate at ${nodePath(certEl)}`);
          if (!bodies.includes(body)) bodies.push(body);
        }
      }
    }
  }
  return bodies;
}

function assertCertificate(body: string, where: string): void {
  if (body === '') throw new MetadataError(`${where} is empty.`);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw new MetadataError(`${where} is not valid base64; the certificate may be truncated.`);
  }
  try {
    new X509Certificate(Buffer.from(body, 'base64'));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new MetadataError(`${where} is not a readable X.509 certificate (${reason}).`);
  }
}
