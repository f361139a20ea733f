/**
 * The identity oracle: a mutated document that samlscope still calls `valid` must report exactly the
 * identity the IdP signed in the seed (same NameID, issuer, attributes, conditions, all verified) and
 * nothing else. A seed that signs no assertion has no identity: a `valid` mutant with a NameID or
 * attributes is a false valid.
 */
import type { AnalysisResult, MessageResult } from '../../src-main/core/model/index.js';

/** What a message says about who is logging in, in a form two analyses can be compared by. */
export interface Identity {
  nameId?: string;
  nameIdVerified?: boolean;
  issuer?: string;
  attributes: { name: string; values: string[]; verified: boolean }[];
  audiences?: string[];
  notBefore?: string;
  notOnOrAfter?: string;
}

export interface MessageVerdict {
  status: string;
  identity: Identity;
}

export function identityOf(message: MessageResult): Identity {
  return {
    ...(message.subject ? { nameId: message.subject.nameId, nameIdVerified: message.subject.verified } : {}),
    ...(message.issuer !== undefined ? { issuer: message.issuer } : {}),
    attributes: message.attributes.map((a) => ({ name: a.name, values: [...a.values], verified: a.verified })),
    ...(message.conditions ? { audiences: [...message.conditions.audiences], notBefore: message.conditions.notBefore, notOnOrAfter: message.conditions.notOnOrAfter } : {}),
  };
}

export function verdictsOf(result: AnalysisResult): MessageVerdict[] {
  return result.messages.map((message) => ({ status: message.signature.status, identity: identityOf(message) }));
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b))) : v));
}

/**
 * Why the mutant's result is a false valid against the seed's, or undefined when it is not one.
 * `baseline` is the analysis of the unmutated seed; only seeds that are themselves valid have a signed
 * identity to hold mutants to.
 */
export function falseValid(baseline: readonly MessageVerdict[], mutant: readonly MessageVerdict[]): string | undefined {
  const signed = baseline.find((message) => message.status === 'valid');
  if (!signed) return undefined;
  for (const [i, message] of mutant.entries()) {
    if (message.status !== 'valid') continue;
    if (message.identity.nameId !== undefined && message.identity.nameIdVerified !== true) return `message ${i} is valid but its NameID is not verified`;
    if (message.identity.attributes.some((a) => !a.verified)) return `message ${i} is valid but shows unverified attributes`;
    if (stable(message.identity) !== stable(signed.identity)) {
      return `message ${i} is valid but reports ${stable(message.identity)} where the seed signed ${stable(signed.identity)}`;
    }
  }
  return undefined;
}
