/**
 * AnalysisOptions for the workspace: what the target profile configures (IdP metadata as trust
 * anchor, SP entity id and ACS URL) plus what the user gave (the request / the workspace setup).
 * What the user gave wins: an IdP metadata or certificate given replaces the profile's IdP
 * metadata (the trust anchor is one source, as the Setup panel shows it); SP metadata given
 * replaces the profile's SP metadata and SP settings; typed SP values win over everything.
 */
import type { AnalyzeRequestOptions } from '../ipc/contract.js';
import type { TrustedCertificate } from '../core/model/certificate.js';
import { DEFAULT_CLOCK_SKEW_SECONDS, type AnalysisOptions, type IdpMetadata, type SpMetadata, type SpPrivateKey } from '../core/model/options.js';
import { parseIdpMetadata } from '../core/metadata/idp-metadata.js';
import { certificatePemFromBase64, parsePemCertificates } from '../core/metadata/pem.js';

/** What a resolved target profile contributes to an analysis. */
export interface TargetAnalysisSettings {
  idpMetadata?: IdpMetadata;
  /** File the metadata came from, for evidence (`profile: idp.metadata (aws-metadata.xml)`). */
  idpMetadataOrigin?: string;
  spMetadata?: SpMetadata;
  sp: { entityId?: string; acsUrl?: string };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function trustFromMetadata(metadata: IdpMetadata, origin: string): TrustedCertificate[] {
  return metadata.signingCertificates.map((body) => ({ pem: certificatePemFromBase64(body), source: 'idp-metadata', origin }));
}

/** What the workspace setup adds that the request form cannot carry (parsed SP metadata, the SP key). */
export interface SetupExtras {
  spMetadata?: { metadata: SpMetadata; origin: string };
  spPrivateKeys?: SpPrivateKey[];
  /** Names the origin of IdP metadata / certificates given in the request (`IdP metadata given in the workspace`). */
  idpOrigin?: string;
}

export function buildAnalysisOptions(now: Date, request: AnalyzeRequestOptions | undefined, target?: TargetAnalysisSettings, extras: SetupExtras = {}): AnalysisOptions {
  const options: AnalysisOptions = {
    trustedCertificates: [],
    sp: extras.spMetadata ? {} : { ...(target?.sp ?? {}) },
    spPrivateKeys: [...(extras.spPrivateKeys ?? [])],
    now: request?.now ? new Date(request.now) : now,
    nowIsExplicit: Boolean(request?.now),
    clockSkewSeconds: request?.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
    profile: request?.profile ?? 'auto',
  };
  const userTrust = Boolean(request?.idpMetadataXml || request?.idpCertificatePem);
  if (target?.idpMetadata && !userTrust) {
    options.idpMetadata = target.idpMetadata;
    options.trustedCertificates.push(...trustFromMetadata(target.idpMetadata, target.idpMetadataOrigin ?? 'target profile IdP metadata'));
  }
  const spMetadata = extras.spMetadata?.metadata ?? target?.spMetadata;
  if (spMetadata) options.spMetadata = spMetadata;
  if (request?.idpMetadataXml) {
    let metadata: IdpMetadata;
    try {
      metadata = parseIdpMetadata(request.idpMetadataXml);
    } catch (error) {
      throw new Error(`The IdP metadata cannot be read: ${message(error)}`, { cause: error });
    }
    options.idpMetadata = metadata;
    options.trustedCertificates.push(...trustFromMetadata(metadata, extras.idpOrigin ?? 'IdP metadata given in the workspace'));
  }
  if (request?.idpCertificatePem) {
    let pems: string[];
    try {
      pems = parsePemCertificates(request.idpCertificatePem);
    } catch (error) {
      throw new Error(`The IdP certificate cannot be read: ${message(error)}`, { cause: error });
    }
    for (const pem of pems) options.trustedCertificates.push({ pem, source: 'idp-cert', origin: extras.idpOrigin ?? 'IdP certificate given in the workspace' });
  }
  if (request?.sp?.entityId) options.sp.entityId = request.sp.entityId;
  if (request?.sp?.acsUrl) options.sp.acsUrl = request.sp.acsUrl;
  if (request?.authnRequest) options.authnRequest = request.authnRequest;
  return options;
}
