/**
 * Use case: recognise pasted setup input. Auto-routing of pasted, dropped and opened text: IdP metadata, SP metadata, a PEM certificate, a
 * PEM private key or an instance snapshot is a setting, not a message. This module only recognises
 * the shape (root element, PEM armour, snapshot keys); reading is left to the engine's parsers in
 * setup-texts.ts, so a damaged file of a recognised kind is refused with the parser's explanation
 * rather than analysed as a message and reported as `input.unrecognized`.
 */
import { parse as parseYaml } from 'yaml';
import { stripBom, type GivenText } from './setup-texts.js';

export type SetupKind = 'idp-metadata' | 'sp-metadata' | 'idp-certificate' | 'sp-key' | 'snapshot';

export interface RecognizedSetup {
  kind: SetupKind;
  /** The text (byte-order mark removed, trimmed) and its name, for the matching reader in setup-texts.ts. */
  given: GivenText;
}

/** The document element after an optional XML declaration and comments. */
const METADATA_ROOT = /^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[A-Za-z_][\w.-]*:)?Entit(?:y|ies)Descriptor[\s/>]/;
const IDP_ROLE = /<(?:[A-Za-z_][\w.-]*:)?IDPSSODescriptor[\s/>]/;
const SP_ROLE = /<(?:[A-Za-z_][\w.-]*:)?SPSSODescriptor[\s/>]/;
const PRIVATE_KEY = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;
const CERTIFICATE = /-----BEGIN CERTIFICATE-----/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Snapshots are the only JSON samlscope reads that has both `directories` and `users` lists. */
function looksLikeSnapshot(data: unknown): boolean {
  return isRecord(data) && Array.isArray(data.directories) && Array.isArray(data.users);
}

function parsedData(text: string, name: string | undefined): unknown {
  try {
    if (text.startsWith('{')) return JSON.parse(text);
    if (/\.ya?ml$/i.test(name ?? '')) return parseYaml(text);
  } catch {
    // Not JSON/YAML: a capture importer or the message decoder will explain what it is.
  }
  return undefined;
}

/**
 * What `text` is, when it is a setting; `null` when it should be analysed as a message or capture.
 * `name` is the file name (or the paste label); it becomes the setting's origin.
 */
export function recognizeSetupInput(rawText: string, name?: string): RecognizedSetup | null {
  const text = stripBom(rawText).trim();
  const given = name ? { text, name } : { text };
  if (text.startsWith('<')) {
    if (!METADATA_ROOT.test(text)) return null;
    // An entity with both roles is read as the IdP: the trust anchor is what a diagnosis needs first.
    if (!IDP_ROLE.test(text) && SP_ROLE.test(text)) return { kind: 'sp-metadata', given };
    return { kind: 'idp-metadata', given };
  }
  if (text.startsWith('{') || /\.ya?ml$/i.test(name ?? '')) {
    return looksLikeSnapshot(parsedData(text, name)) ? { kind: 'snapshot', given } : null;
  }
  // A key file often carries the SP's certificate too: that certificate is not an IdP trust anchor.
  if (PRIVATE_KEY.test(text)) return { kind: 'sp-key', given };
  if (CERTIFICATE.test(text)) return { kind: 'idp-certificate', given };
  return null;
}
