/**
 * Turns a SAML document into display lines for the message view: indented, one element per line,
 * each line knowing its element path, whether an accepted (or rejected) signature covers it and
 * which identity value was read from it. Parsing uses the browser's DOMParser; the engine's own
 * verdicts (which elements signatures cover, read values) come from main as element paths, and this
 * only draws them onto the document: it never matches signature references to IDs itself.
 */

export type TokenKind = 'punct' | 'tag' | 'attr' | 'value' | 'text' | 'comment' | 'elided';

export interface XmlToken {
  kind: TokenKind;
  text: string;
}

export type Coverage = 'signed' | 'signed-rejected' | 'none';

export interface XmlLine {
  depth: number;
  tokens: XmlToken[];
  /** Local-name path, e.g. `/Response/Assertion/Subject/NameID`. */
  path: string;
  coverage: Coverage;
  /** What samlscope read from this element (NameID, Issuer, attribute `email`), when anything. */
  readAs?: string;
}

/** What the engine decided about signatures, as element paths into the document (`SignatureReport`). */
export interface SignatureCoverage {
  /** Elements an accepted signature covers; their content is covered too. */
  signedPaths: readonly string[];
  /** Elements that carry a signature that was not accepted. */
  rejectedSignedPaths: readonly string[];
}

export interface IdentitySource {
  /** Element path the value was read from; predicates (`[1]`, `[@Name='x']`) are matched loosely. */
  location: string;
  label: string;
  /** For attributes: the Attribute@Name that must match. */
  attributeName?: string;
}

export interface XmlViewOptions {
  coverage: SignatureCoverage;
  identities: IdentitySource[];
  /** Base64 blobs longer than this are shortened in the pretty view (the raw view keeps them). */
  elideOver?: number;
}

export type XmlViewResult = { ok: true; lines: XmlLine[] } | { ok: false; error: string };

const ELIDED_ELEMENTS = new Set(['SignatureValue', 'X509Certificate', 'CipherValue', 'DigestValue', 'Modulus']);

/** `/saml2p:Response[1]/saml2:Assertion/x` → `/Response/Assertion/x`. */
export function normalizePath(location: string): string {
  return location
    .replace(/\[[^\]]*\]/g, '')
    .split('/')
    .map((step) => step.slice(step.indexOf(':') + 1))
    .join('/');
}

/**
 * One step of the engine's element path: the local name, with a 1-based `[n]` only where siblings
 * share the name and namespace (the engine's `nodePath` format).
 */
export function exactStep(el: Element): string {
  const parent = el.parentNode;
  if (!parent || parent.nodeType !== Node.ELEMENT_NODE) return el.localName;
  let index = 0;
  let count = 0;
  for (const sibling of Array.from(parent.childNodes)) {
    if (sibling.nodeType !== Node.ELEMENT_NODE) continue;
    const other = sibling as Element;
    if (other.localName !== el.localName || other.namespaceURI !== el.namespaceURI) continue;
    count++;
    if (other === el) index = count;
  }
  return count > 1 ? `${el.localName}[${index}]` : el.localName;
}

export function buildXmlView(xml: string, options: XmlViewOptions): XmlViewResult {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error || !doc.documentElement) return { ok: false, error: error?.textContent?.trim() || 'The document could not be parsed.' };

  const lines: XmlLine[] = [];
  const elideOver = options.elideOver ?? 64;
  const signed = new Set(options.coverage.signedPaths);
  const rejected = new Set(options.coverage.rejectedSignedPaths);
  const identities = options.identities.map((i) => ({ ...i, path: normalizePath(i.location) }));

  const coverageOf = (exactPath: string, inherited: Coverage): Coverage => {
    if (inherited === 'signed' || signed.has(exactPath)) return 'signed';
    return rejected.has(exactPath) ? 'signed-rejected' : inherited;
  };

  const readAsOf = (el: Element, path: string): string | undefined => {
    for (const identity of identities) {
      if (identity.path !== path) continue;
      if (identity.attributeName !== undefined && el.getAttribute('Name') !== identity.attributeName) continue;
      return identity.label;
    }
    return undefined;
  };

  const openTag = (el: Element, selfClose: boolean): XmlToken[] => {
    const tokens: XmlToken[] = [{ kind: 'punct', text: '<' }, { kind: 'tag', text: el.tagName }];
    for (const a of Array.from(el.attributes)) {
      tokens.push({ kind: 'attr', text: ` ${a.name}` }, { kind: 'punct', text: '="' }, { kind: 'value', text: a.value }, { kind: 'punct', text: '"' });
    }
    tokens.push({ kind: 'punct', text: selfClose ? '/>' : '>' });
    return tokens;
  };
  const closeTag = (el: Element): XmlToken[] => [{ kind: 'punct', text: '</' }, { kind: 'tag', text: el.tagName }, { kind: 'punct', text: '>' }];

  const textToken = (el: Element, text: string): XmlToken => {
    const compact = text.replace(/\s+/g, '');
    if (ELIDED_ELEMENTS.has(el.localName) && compact.length > elideOver) {
      return { kind: 'elided', text: `${compact.slice(0, 24)}… (${compact.length} characters, full text in the raw view)` };
    }
    return { kind: 'text', text };
  };

  const walk = (el: Element, depth: number, parentPath: string, exactParentPath: string, inherited: Coverage): void => {
    const path = `${parentPath}/${el.localName}`;
    const exactPath = `${exactParentPath}/${exactStep(el)}`;
    const coverage = coverageOf(exactPath, inherited);
    const readAs = readAsOf(el, path);
    const children = Array.from(el.childNodes).filter((n) => !(n.nodeType === Node.TEXT_NODE && (n.nodeValue ?? '').trim() === ''));
    const line = (tokens: XmlToken[], d: number, readAsHere?: string): void => {
      lines.push(readAsHere === undefined ? { depth: d, tokens, path, coverage } : { depth: d, tokens, path, coverage, readAs: readAsHere });
    };
    if (children.length === 0) {
      line(openTag(el, true), depth, readAs);
      return;
    }
    const only = children[0];
    if (children.length === 1 && only && (only.nodeType === Node.TEXT_NODE || only.nodeType === Node.CDATA_SECTION_NODE)) {
      line([...openTag(el, false), textToken(el, only.nodeValue ?? ''), ...closeTag(el)], depth, readAs);
      return;
    }
    line(openTag(el, false), depth, readAs);
    for (const child of children) {
      if (child.nodeType === Node.ELEMENT_NODE) walk(child as Element, depth + 1, path, exactPath, coverage);
      else if (child.nodeType === Node.COMMENT_NODE) line([{ kind: 'comment', text: `<!--${child.nodeValue ?? ''}-->` }], depth + 1);
      else if (child.nodeType === Node.TEXT_NODE || child.nodeType === Node.CDATA_SECTION_NODE) line([textToken(el, (child.nodeValue ?? '').trim())], depth + 1);
      else if (child.nodeType === Node.PROCESSING_INSTRUCTION_NODE) line([{ kind: 'comment', text: `<?${(child as ProcessingInstruction).target} ${child.nodeValue ?? ''}?>` }], depth + 1);
    }
    line(closeTag(el), depth);
  };

  walk(doc.documentElement, 0, '', '', 'none');
  return { ok: true, lines };
}
