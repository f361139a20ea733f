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
 * The CLI bundle contains xmldom and xml-crypto; where their code requires these two modules, the bundle holds
 * the stand-ins below instead, and each keeps the module's own `require` call for when it is needed
 * (scripts/cli-bundled-packages.mjs).
 */
import { deferredModule } from './deferred-module.js';

type Members = Record<PropertyKey, unknown>;

/**
 * xmldom's XML_ENTITIES as xmldom builds it (https://www.w3.org/TR/xml/#sec-predefined-ent): a frozen object
 * without a prototype (xmldom's conventions.freeze), so a name like `constructor` is no entity.
 */
export const XML_ENTITIES: Readonly<Record<string, string>> = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' }));

/** The stand-in for @xmldom/xmldom/lib/entities.js; `load` requires the real module. */
export function xmldomEntitiesStandIn(load: () => Members): Members {
  return deferredModule(load, { XML_ENTITIES });
}

/** The stand-in for the xpath package as xml-crypto requires it; `load` requires the real package. */
export function xpathStandIn(load: () => Members): Members {
  return deferredModule(load);
}
