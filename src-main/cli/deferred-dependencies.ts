/**
 * Two costs the CLI's dependencies pay when they are loaded, for code samlscope never runs; each module is
 * replaced by a stand-in that loads it only if one of its other members is ever read (deferred-module.ts).
 *
 *  - @xmldom/xmldom's lib/entities.js builds and freezes its table of more than 2,000 HTML entities (the
 *    largest part of loading xmldom). Parsing XML reads only its XML_ENTITIES, the five entities predefined
 *    in XML (DOMParser.parseFromString, https://github.com/xmldom/xmldom/blob/master/lib/dom-parser.js), and
 *    samlscope parses XML only: the stand-in holds an identical XML_ENTITIES (a unit test compares them).
 *  - xml-crypto's lib/utils.js loads the xpath package for its findAncestorNs, which the canonicalisers
 *    samlscope takes from xml-crypto (signature/canonicalize.ts) never call
 *    (https://github.com/node-saml/xml-crypto/blob/master/src/utils.ts).
 *
 * The CLI bundle contains xmldom and xml-crypto but leaves these two modules outside, as `require` calls at run
 * time, so the stand-ins still take their place (scripts/cli-bundled-packages.mjs).
 */
import { deferModule } from './deferred-module.js';

/**
 * xmldom's XML_ENTITIES as xmldom builds it (https://www.w3.org/TR/xml/#sec-predefined-ent): a frozen object
 * without a prototype (xmldom's conventions.freeze), so a name like `constructor` is no entity.
 */
export const XML_ENTITIES: Readonly<Record<string, string>> = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' }));

/**
 * The files the stand-ins replace, as `require` (from the CLI bundle's folder) resolves them: the bundle requires
 * exactly these two requests from there (scripts/cli-bundled-packages.mjs), so no other module needs resolving.
 */
export function deferredDependencyFiles(require: NodeJS.Require): { xmldomEntities: string; xpath: string } {
  return {
    xmldomEntities: require.resolve('@xmldom/xmldom/lib/entities.js'),
    xpath: require.resolve('xpath'),
  };
}

/** Enters both stand-ins; call before anything loads @xmldom/xmldom or xml-crypto. Best effort: a dependency laid out differently is loaded as it is. */
export function deferUnusedDependencyCode(require: NodeJS.Require): void {
  let files: ReturnType<typeof deferredDependencyFiles>;
  try {
    files = deferredDependencyFiles(require);
  } catch {
    return;
  }
  deferModule(require, files.xmldomEntities, { XML_ENTITIES });
  deferModule(require, files.xpath);
}
