/**
 * The simulation's result types live in `core/model` (shared with IPC and the renderer); this module
 * keeps the engine-internal ones and re-exports the rest for the engines' own imports.
 */
export type * from '../model/simulation.js';

/**
 * The identity data a login carries, independent of where it came from (a parsed response or an
 * AWS user run through the attribute mappings), so both paths share one engine.
 */
export interface LoginFacts {
  nameId?: string;
  /** `generic` when the response's issuer is known not to be IAM Identity Center: fixes then name the IdP's own configuration. Absent: IAM Identity Center. */
  idp?: 'generic';
  /** Attribute name (exact) → values, in document order. */
  attributes: ReadonlyMap<string, readonly string[]>;
  /** Whether a trusted signature covers the identity data (evidence is marked unverified otherwise). */
  verified: boolean;
  /** Evidence locations: where the NameID and an attribute were read. */
  nameIdLocation: string;
  attributeLocation: (name: string) => string;
}
