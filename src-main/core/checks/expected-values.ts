/**
 * What the SP and IdP configuration say the response should contain. Explicit SP settings win over
 * SP metadata (AnalysisOptions.sp), as the model documents.
 */
import type { AnalysisOptions } from '../model/options.js';

export interface ExpectedValue {
  value: string;
  /** Where the expectation came from, used as evidence location. */
  source: string;
}

const POST_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/** Every ACS URL the SP accepts: the explicit one, or each ACS in SP metadata (HTTP-POST first). */
export function expectedAcsUrls(options: AnalysisOptions): ExpectedValue[] {
  if (options.sp.acsUrl) return [{ value: options.sp.acsUrl, source: 'SP setting: ACS URL' }];
  const services = options.spMetadata?.assertionConsumerServices ?? [];
  const ordered = [...services].sort((a, b) => Number(b.binding === POST_BINDING) - Number(a.binding === POST_BINDING));
  return ordered.map((s) => ({ value: s.location, source: 'SP metadata: AssertionConsumerService/@Location' }));
}

export function expectedSpEntityId(options: AnalysisOptions): ExpectedValue | undefined {
  if (options.sp.entityId) return { value: options.sp.entityId, source: 'SP setting: entity ID' };
  if (options.spMetadata?.entityId) return { value: options.spMetadata.entityId, source: 'SP metadata: EntityDescriptor/@entityID' };
  return undefined;
}

export function expectedIdpEntityId(options: AnalysisOptions): ExpectedValue | undefined {
  return options.idpMetadata ? { value: options.idpMetadata.entityId, source: 'IdP metadata: EntityDescriptor/@entityID' } : undefined;
}
