/**
 * The one XML parser every SAML message and metadata document goes through, so no second parser can read a
 * document differently.
 *
 * Why so strict: parser differentials, multiple roots (@xmldom/xmldom's CVE-2022-39353, which let
 * passport-saml verify one root and read another: https://nvd.nist.gov/vuln/detail/CVE-2022-39353) and
 * entity tricks (XXE, billion laughs) are how signature checks get bypassed. Real protocol messages never contain DOCTYPE, ENTITY or processing
 * instructions, so refusing them costs nothing and removes whole attack classes.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { checkAttributeNames } from './attribute-names.js';
import { scanXmlLimits } from './limits-scan.js';
import { xmlCharProblem } from './xml-chars.js';

export interface XmlLimits {
  /** Characters of XML text accepted at all. */
  maxChars: number;
  /** Element nesting depth (the root element is depth 1). */
  maxDepth: number;
  maxAttributesPerElement: number;
  maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = Object.freeze({
  maxChars: 2_000_000,
  maxDepth: 64,
  maxAttributesPerElement: 256,
  maxElements: 50_000,
});

/** Node counts, kept apart from XmlLimits so its documented defaults stay as they were. */
export interface NodeLimits {
  /** Nodes of every kind (elements, text, comments, CDATA, processing instructions): time is linear in them. */
  maxNodes: number;
  /** Child nodes of one element, of every kind. */
  maxChildren: number;
}

/**
 * Real SAML messages have a few hundred nodes (a user in a thousand groups about 3 000). Every node costs
 * parsing, canonicalisation and digesting; 20 000 keeps the worst document under the 1-second budget.
 */
export const DEFAULT_NODE_LIMITS: NodeLimits = Object.freeze({ maxNodes: 20_000, maxChildren: 10_000 });

export type XmlErrorId =
  | 'xml.malformed'
  | 'xml.dtd'
  | 'xml.processing-instruction'
  | 'xml.too-deep'
  | 'xml.too-many-attributes'
  | 'input.too-large';

/** A document samlscope refuses to read. `findingId` is the catalog id the caller reports. */
export class XmlInputError extends Error {
  readonly findingId: XmlErrorId;
  readonly line?: number;
  readonly column?: number;

  constructor(findingId: XmlErrorId, message: string, position?: { line?: number; column?: number }) {
    super(message);
    this.name = 'XmlInputError';
    this.findingId = findingId;
    if (position?.line !== undefined && position.line > 0) this.line = position.line;
    if (position?.column !== undefined && position.column > 0) this.column = position.column;
  }
}

const ELEMENT_NODE = 1;
const PROCESSING_INSTRUCTION_NODE = 7;
const DOCUMENT_TYPE_NODE = 10;
const ENTITY_REFERENCE_NODE = 5;

/** "line 3, column 7: " or "" when the parser did not say where. */
export function formatPosition(line?: number, column?: number): string {
  if (line === undefined || line <= 0) return '';
  return column !== undefined && column > 0 ? `line ${line}, column ${column}: ` : `line ${line}: `;
}

/** 1-based line and column of a character offset, for errors found by scanning the text. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function fail(id: XmlErrorId, what: string, problem: string, position?: { line?: number; column?: number }): XmlInputError {
  return new XmlInputError(id, `${formatPosition(position?.line, position?.column)}${what}: ${problem}`, position);
}

/** xmldom's messages are terse and sometimes start with its own prefix; make them read as a sentence. */
function describeParserMessage(message: string): string {
  const cleaned = message.replace(/^\[xmldom [a-zA-Z]+\]\s*/, '').replace(/\s+/g, ' ').trim();
  if (/^entity not found:/i.test(cleaned)) {
    const name = cleaned.replace(/^entity not found:\s*/i, '');
    return `unknown entity reference ${name} (only &amp; &lt; &gt; &quot; &apos; and numeric character references are allowed)`;
  }
  if (/HierarchyRequestError/.test(cleaned)) {
    return 'more than one root element (a SAML document has exactly one top-level element)';
  }
  if (/Extra content at the end of the document/i.test(cleaned)) {
    return 'content after the root element (a SAML document has exactly one top-level element)';
  }
  // xmldom's attribute warnings, in plain words (XML 1.0 production [41]: Attribute ::= Name Eq AttValue).
  const noValue = /^attribute "([^"]*)" missed value/.exec(cleaned);
  if (noValue) return `attribute "${noValue[1]}" has no value (XML needs name="value"; whitespace inside a name splits it)`;
  const noQuote = /^attribute "([^"]*)" missed quot/.exec(cleaned);
  if (noQuote) return `attribute value ${noQuote[1]} is not in quotes`;
  if (/^attribute space is required/.test(cleaned)) return `attributes must be separated by whitespace (none after attribute ${cleaned.replace(/^attribute space is required"?/, '').replace(/"?!+$/, '')})`;
  return cleaned;
}

/**
 * Parses `xml` into a DOM, refusing anything a SAML message or metadata document never needs.
 * Throws XmlInputError; never returns a partially parsed document.
 *
 * @param what names the document in error messages, e.g. `SAML message` or `IdP metadata`.
 */
export function parseStrictXml(xml: string, what = 'XML document', limits: Partial<XmlLimits & NodeLimits> = {}): Document {
  const lim: XmlLimits & NodeLimits = { ...DEFAULT_XML_LIMITS, ...DEFAULT_NODE_LIMITS, ...limits };

  if (xml.length > lim.maxChars) {
    throw fail('input.too-large', what, `${xml.length} characters exceed the limit of ${lim.maxChars} characters`);
  }
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;

  // Refused before parsing, anywhere in the text (even inside comments or CDATA): CVE-2025-25291 hides a
  // DOCTYPE's effect behind comments, and no legitimate SAML document contains these strings.
  const dtd = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (dtd) {
    const kind = dtd[1]!.toUpperCase();
    throw fail('xml.dtd', what, `contains a <!${kind} declaration; document type and entity declarations are refused because they enable entity expansion and parser-confusion attacks`, positionOf(text, dtd.index));
  }

  const chars = xmlCharProblem(text);
  if (chars) throw fail('xml.malformed', what, `is not well-formed XML: ${chars.problem}`, positionOf(text, chars.offset));

  // Bombs are refused before the DOM is built (the scan is linear; the parser is not on hostile shapes).
  const violation = scanXmlLimits(text, lim);
  if (violation) {
    const at = positionOf(text, violation.offset);
    if (violation.kind === 'depth') {
      throw fail('xml.too-deep', what, `nests elements ${violation.depth} deep at <${violation.name}>, deeper than the limit of ${lim.maxDepth}`, at);
    }
    if (violation.kind === 'attributes') {
      throw fail('xml.too-many-attributes', what, `element <${violation.name}> has more than ${lim.maxAttributesPerElement} attributes, the limit for one element`, at);
    }
    if (violation.kind === 'syntax') throw fail('xml.malformed', what, `is not well-formed XML: ${violation.problem}`, at);
    if (violation.kind === 'nodes') {
      throw fail('input.too-large', what, `has more than ${lim.maxNodes} nodes (elements, text, comments, CDATA sections and processing instructions together), the limit for one document`, at);
    }
    if (violation.kind === 'children') {
      throw fail('input.too-large', what, `element <${violation.name}> has more than ${lim.maxChildren} child nodes, the limit for one element`, at);
    }
    throw fail('input.too-large', what, `has more than ${lim.maxElements} elements, the limit for one document`, at);
  }

  let reported: XmlInputError | undefined;
  const parser = new DOMParser({
    locator: true,
    onError(_level, message, context?: unknown) {
      const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
      const problem = describeParserMessage(message);
      const position = { line: locator?.lineNumber, column: locator?.columnNumber };
      // xmldom only warns, and goes on, for some input XML 1.0 forbids (an attribute without a value, a
      // missing quote, no space between attributes); well-formed text/xml input raises no warning. So every
      // level stops parsing here, unlike xmldom's default, and the document is refused with what was wrong.
      reported ??= fail('xml.malformed', what, `is not well-formed XML: ${problem}`, position);
      throw reported;
    },
  });

  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (err) {
    if (reported) throw reported;
    if (err instanceof XmlInputError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw fail('xml.malformed', what, `is not well-formed XML: ${describeParserMessage(message)}`);
  }
  if (reported) throw reported;

  checkTree(doc, what, lim);
  return doc;
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** One pass over the tree: structure limits, PIs, stray DOCTYPE/entity nodes, exactly one root. */
function checkTree(doc: Document, what: string, lim: XmlLimits & NodeLimits): void {
  let roots = 0;
  let elements = 0;
  let nodes = 0;
  let node: Node | null = doc.firstChild;
  let depth = node ? 1 : 0; // depth of `node`: children of the document are at depth 1

  while (node) {
    const at = { line: node.lineNumber, column: node.columnNumber };
    // The pre-scan counted from the text; this counts what the parser built, so neither can be fooled alone.
    if (++nodes > lim.maxNodes) throw fail('input.too-large', what, `has more than ${lim.maxNodes} nodes (elements, text, comments, CDATA sections and processing instructions together), the limit for one document`, at);
    switch (node.nodeType) {
      case ELEMENT_NODE: {
        if (depth === 1) roots++;
        if (roots > 1) throw fail('xml.malformed', what, 'is not well-formed XML: more than one root element (a SAML document has exactly one top-level element)', at);
        elements++;
        if (elements > lim.maxElements) {
          // No dedicated id: an element flood is a size problem, reported like any other oversized input.
          throw fail('input.too-large', what, `has more than ${lim.maxElements} elements, the limit for one document`, at);
        }
        if (depth > lim.maxDepth) {
          throw fail('xml.too-deep', what, `nests elements ${depth} deep at <${node.nodeName}>, deeper than the limit of ${lim.maxDepth}`, at);
        }
        if (!isElement(node)) break;
        const naming = checkAttributeNames(node);
        if (naming) throw fail('xml.malformed', what, `is not well-formed XML: ${naming}`, at);
        const attributes = node.attributes.length;
        if (attributes > lim.maxAttributesPerElement) {
          throw fail('xml.too-many-attributes', what, `element <${node.nodeName}> has ${attributes} attributes, more than the limit of ${lim.maxAttributesPerElement}`, at);
        }
        break;
      }
      case PROCESSING_INSTRUCTION_NODE: {
        // The XML declaration is kept by xmldom as a PI with target "xml"; xmldom already refuses it anywhere but
        // at the very start, so it is allowed only as the document's first child.
        const isDeclaration = node.nodeName === 'xml' && depth === 1 && node === doc.firstChild;
        if (!isDeclaration) {
          throw fail('xml.processing-instruction', what, `contains the processing instruction <?${node.nodeName}?>; only the XML declaration is allowed`, at);
        }
        break;
      }
      case DOCUMENT_TYPE_NODE:
        throw fail('xml.dtd', what, 'contains a document type declaration', at);
      case ENTITY_REFERENCE_NODE:
        throw fail('xml.malformed', what, `is not well-formed XML: unknown entity reference &${node.nodeName};`, at);
      default:
        break;
    }

    // Iterative pre-order walk: recursion would let a deep document exhaust the stack before the depth check.
    if (node.firstChild) {
      node = node.firstChild;
      depth++;
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      depth--;
      if (node === doc || node === null) {
        node = null;
        break;
      }
    }
    if (node) node = node.nextSibling;
  }

  if (roots === 0) throw fail('xml.malformed', what, 'is not well-formed XML: there is no root element');
}
