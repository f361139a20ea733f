/**
 * A linear pre-scan that enforces structure limits before the DOM parser runs.
 *
 * Why: xmldom is correct but slow on hostile shapes (200 000 nested elements take seconds), and the tool must
 * refuse a bomb quickly. The scan mostly counts; well-formedness is the parser's, except for the few things
 * xmldom lets through ("]]>" in text, "/ >", a bare "&"), which are refused here.
 * For a well-formed document the counts are exact: text can contain no raw `<`, and comments, CDATA sections,
 * processing instructions and quoted attribute values are skipped as units.
 */

export interface ScanLimits {
  maxDepth: number;
  maxAttributesPerElement: number;
  maxElements: number;
  /** Nodes of every kind: elements, text runs, comments, CDATA sections, processing instructions. */
  maxNodes?: number;
  /** Child nodes (of every kind) of one element. */
  maxChildren?: number;
}

export type ScanViolation =
  | { kind: 'depth'; offset: number; depth: number; name: string }
  | { kind: 'attributes'; offset: number; count: number; name: string }
  | { kind: 'elements'; offset: number; count: number }
  | { kind: 'nodes'; offset: number; count: number }
  | { kind: 'children'; offset: number; count: number; name: string }
  | { kind: 'syntax'; offset: number; problem: string };

const NAME_END = /[\s/>]/;

/**
 * Returns the first limit the text breaks, or undefined. Offsets point at the `<` of the offending tag.
 * Element, depth and attribute limits stop the scan at once; node and child counts are judged after the
 * whole (linear) scan, so a document that also breaks an element limit is reported by that limit.
 */
export function scanXmlLimits(text: string, limits: ScanLimits): ScanViolation | undefined {
  const counter = new NodeCounter(limits);
  const structural = scanStructure(text, limits, counter);
  return structural ?? counter.violation;
}

/** Counts nodes overall and per parent, remembering the first place a count limit is passed. */
class NodeCounter {
  private nodes = 0;
  private readonly children: number[] = [0];
  private readonly names: string[] = ['(document)'];
  violation: ScanViolation | undefined;

  constructor(private readonly limits: ScanLimits) {}

  node(offset: number): void {
    this.nodes++;
    const depth = this.children.length - 1;
    const count = ++this.children[depth]!;
    if (this.violation) return;
    if (this.limits.maxNodes !== undefined && this.nodes > this.limits.maxNodes) this.violation = { kind: 'nodes', offset, count: this.nodes };
    else if (this.limits.maxChildren !== undefined && count > this.limits.maxChildren) this.violation = { kind: 'children', offset, count, name: this.names[depth]! };
  }

  open(name: string): void {
    this.children.push(0);
    this.names.push(name);
  }

  close(): void {
    if (this.children.length > 1) {
      this.children.pop();
      this.names.pop();
    }
  }
}

function scanStructure(text: string, limits: ScanLimits, counter: NodeCounter): ScanViolation | undefined {
  let depth = 0;
  let elements = 0;
  let textStart = 0;
  let i = text.indexOf('<');
  while (i !== -1 && i < text.length) {
    if (i > textStart && depth > 0) {
      counter.node(textStart);
      // XML 1.0 [14]: character data never contains "]]>" (libxml2: "Sequence ']]>' not allowed in content").
      const end = text.slice(textStart, i).indexOf(']]>');
      if (end !== -1) return { kind: 'syntax', offset: textStart + end, problem: 'the text contains "]]>", which XML allows only as the end of a CDATA section (write "]]&gt;")' };
      const ampersand = bareAmpersand(text, textStart, i);
      if (ampersand !== -1) return { kind: 'syntax', offset: ampersand, problem: BARE_AMPERSAND };
    }
    const next = text.charCodeAt(i + 1);
    if (text.startsWith('<!--', i)) {
      counter.node(i);
      i = skipPast(text, '-->', i + 4);
    } else if (text.startsWith('<![CDATA[', i)) {
      counter.node(i);
      i = skipPast(text, ']]>', i + 9);
    } else if (next === 0x3f /* ? */) {
      counter.node(i);
      i = skipPast(text, '?>', i + 2);
    } else if (next === 0x2f /* / */) {
      depth--;
      counter.close();
      i = skipPast(text, '>', i + 2);
    } else if (next === 0x21 /* ! */) {
      // A declaration; the strict parser refuses these before scanning, so just move on.
      i = skipPast(text, '>', i + 2);
    } else {
      const start = i;
      let nameEnd = i + 1;
      while (nameEnd < text.length && !NAME_END.test(text[nameEnd]!)) nameEnd++;
      const name = text.slice(i + 1, nameEnd);
      elements++;
      if (elements > limits.maxElements) return { kind: 'elements', offset: start, count: elements };
      depth++;
      if (depth > limits.maxDepth) return { kind: 'depth', offset: start, depth, name };
      counter.node(start);
      counter.open(name);

      // Walk the tag, skipping quoted values, counting one attribute per quoted value.
      let attributes = 0;
      let j = nameEnd;
      let selfClosing = false;
      while (j < text.length) {
        const c = text[j];
        if (c === '"' || c === "'") {
          const close = text.indexOf(c, j + 1);
          attributes++;
          if (attributes > limits.maxAttributesPerElement) return { kind: 'attributes', offset: start, count: attributes, name };
          if (close === -1) return undefined; // unterminated: the parser reports it
          const ampersand = bareAmpersand(text, j + 1, close);
          if (ampersand !== -1) return { kind: 'syntax', offset: ampersand, problem: BARE_AMPERSAND };
          j = close + 1;
          continue;
        }
        if (c === '>') {
          selfClosing = text[j - 1] === '/';
          break;
        }
        // XML 1.0 [44]: an empty-element tag ends with "/>" exactly; xmldom also accepts "/ >".
        if (c === '/' && text[j + 1] !== '>') return { kind: 'syntax', offset: j, problem: `"/" inside the tag <${name}> must be followed directly by ">"` };
        j++;
      }
      if (selfClosing) {
        depth--;
        counter.close();
      }
      i = j + 1;
    }
    if (i === -1) return undefined;
    textStart = i;
    i = text.indexOf('<', i);
  }
  return undefined;
}

const BARE_AMPERSAND = 'an "&" that starts no entity or character reference (XML 1.0 allows "&" only in "&name;", "&#N;" or "&#xN;"; write "&amp;")';
/** What may follow "&": a name or a character reference, then ";" (XML 1.0 [66], [68]). */
const REFERENCE = /&(?:[A-Za-z_:][\w.:-]*|#[0-9]+|#x[0-9A-Fa-f]+);/y;

/**
 * The offset of the first "&" in text[from, to) that starts no reference, or -1. xmldom keeps such an "&"
 * as text when a character that cannot start a name follows it ("&/", "& "), where libxml2 refuses the
 * document (fuzzer seed 20261210, index 53849: an "&" inside an X509Certificate).
 */
function bareAmpersand(text: string, from: number, to: number): number {
  // Searched within the run only: indexOf over the rest of the document for every run was quadratic.
  const run = text.slice(from, to);
  for (let at = run.indexOf('&'); at !== -1; at = run.indexOf('&', at + 1)) {
    REFERENCE.lastIndex = at;
    if (!REFERENCE.test(run)) return from + at;
  }
  return -1;
}

/** Index just after `marker` searched from `from`, or -1 when it never appears. */
function skipPast(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at === -1 ? -1 : at + marker.length;
}
